package dev.dxexporter.ingest;

import dev.dxexporter.store.FlakyTest;
import dev.dxexporter.store.SlowTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names of each project's flaky and slowest tests, as the test collector last computed them
 * from the store: what the JSON endpoints and the landing page show, so that a request never
 * queries the database. Names are never labels.
 */
public final class TestInsights {
  /** How many names are kept per list. */
  public static final int LIMIT = 50;

  /** One project's lists and when they were computed. */
  public record Snapshot(
      Instant computedAt,
      Instant windowFrom,
      List<FlakyTest> flaky,
      Map<String, List<SlowTest>> slowestByReport) {
    public Snapshot {
      flaky = List.copyOf(flaky);
      slowestByReport = Map.copyOf(slowestByReport);
    }
  }

  private final Map<String, Snapshot> byProject = new ConcurrentHashMap<>();

  void put(String project, Snapshot snapshot) {
    byProject.put(project, snapshot);
  }

  public Optional<Snapshot> of(String project) {
    return Optional.ofNullable(byProject.get(project));
  }

  /** Forgets projects that are no longer configured. */
  public void retain(java.util.Set<String> projects) {
    byProject.keySet().retainAll(projects);
  }
}
