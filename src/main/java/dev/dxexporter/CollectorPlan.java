package dev.dxexporter;

import dev.dxexporter.config.DxConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the config to collector instances: the one place that knows every source (node_exporter's
 * registry of collector factories, without the global state).
 */
record CollectorPlan(List<PlannedCollector> collectors, List<AutoCloseable> resources)
    implements AutoCloseable {

  static CollectorPlan create(DxConfig config, int scanThreads) {
    List<PlannedCollector> collectors = new ArrayList<>();
    List<AutoCloseable> resources = new ArrayList<>();
    return new CollectorPlan(collectors, resources);
  }

  static int count(DxConfig config) {
    return config.projects().stream()
        .mapToInt(p -> p.caches().size() + (p.dependencies().isPresent() ? 1 : 0))
        .sum();
  }

  @Override
  public void close() {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        // Start-up already failed; nothing more useful to do with a close error.
      }
    }
  }
}
