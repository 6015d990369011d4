package dev.dxexporter.plan;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.metrics.CollectorId;

/**
 * A collector instance with its identity, its schedule and the settings it was made from. Two
 * planned collectors with the same id, schedule and settings are the same work: a reload keeps the
 * running instance (and its in-flight run) instead of replacing it.
 */
public record PlannedCollector(
    CollectorId id, Schedule schedule, Object settings, Collector collector) {

  /** Whether {@code other} does the same work (its collector instance may differ). */
  public boolean sameWorkAs(PlannedCollector other) {
    return id.equals(other.id)
        && schedule.equals(other.schedule)
        && settings.equals(other.settings);
  }
}
