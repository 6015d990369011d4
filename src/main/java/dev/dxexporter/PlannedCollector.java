package dev.dxexporter;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.metrics.CollectorId;

/** A collector instance with its identity and schedule, ready to be handed to the scheduler. */
public record PlannedCollector(CollectorId id, Schedule schedule, Collector collector) {}
