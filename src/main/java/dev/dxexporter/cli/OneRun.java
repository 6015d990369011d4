package dev.dxexporter.cli;

import dev.dxexporter.config.DxConfig;
import dev.dxexporter.gate.Card;
import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.SnapshotRegistry;
import dev.dxexporter.plan.CollectorPlan;
import dev.dxexporter.plan.PlanContext;
import dev.dxexporter.plan.PlannedCollector;
import dev.dxexporter.plan.Source;
import dev.dxexporter.schedule.CollectorRunner;
import java.io.PrintWriter;
import java.util.List;

/**
 * Every collector of a config run once, one after the other in plan order (the trend reader after
 * the ingesting collectors), through the same runner and registry the daemon uses, so a failing
 * collector is a failed run with its message and never ends the check.
 */
final class OneRun {
  private OneRun() {}

  static List<Card> cards(
      DxConfig config, List<? extends Source<?, ?>> sources, PlanContext context, PrintWriter err) {
    CollectorPlan plan = CollectorPlan.create(config, sources, context);
    SnapshotRegistry registry =
        new SnapshotRegistry(List.of(), io.prometheus.metrics.model.snapshots.MetricSnapshots::of);
    registry.install(
        plan.collectors().stream()
            .map(c -> new SnapshotRegistry.Registration(c.id(), 0, c))
            .toList());
    for (PlannedCollector c : plan.collectors()) {
      new CollectorRunner(c.id(), c, c.collector(), registry, context.clock()).runOnce();
    }
    List<CollectorState> states = registry.states();
    for (CollectorState s : states) {
      if (!s.lastRunSucceeded()) {
        err.println("collector " + s.id() + " failed: " + s.lastError().orElse("?"));
      }
    }
    return Source.cards(sources, config, states);
  }
}
