package dev.dxexporter.ingest;

import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoredBuild;
import dev.dxexporter.store.TestReport;
import dev.dxexporter.store.TestRunPoint;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recent values of the objectives the store keeps runs of, for the card's trend lines: test
 * suite wall times (of the report whose latest run is the slowest, the one the card shows) and
 * clean and incremental build durations. Read by a collector on its schedule, never by a request.
 */
public final class TrendReader {
  /** Points per trend: enough for a shape, few enough for a line of a phone's width. */
  public static final int POINTS = 30;

  private TrendReader() {}

  /** Objective name to its values, oldest first; objectives without stored runs are absent. */
  public static Map<String, List<Double>> read(Store store, String project) {
    Map<String, List<Double>> trends = new LinkedHashMap<>();
    Optional<TestReport> slowest =
        store.latestTestReports(project).stream()
            .max(Comparator.comparingDouble(r -> r.aggregates().wallSeconds()));
    if (slowest.isPresent()) {
      List<Double> wall =
          store.testHistory(project, slowest.get().meta().reportName(), POINTS).stream()
              .map(TestRunPoint::wallSeconds)
              .toList();
      trends.put("test_suite", wall);
      trends.put("test_feedback", wall);
    }
    List<StoredBuild> builds = store.buildHistory(project, POINTS * 2);
    for (String kind : List.of("clean", "incremental")) {
      List<Double> durations =
          builds.stream()
              .filter(b -> b.run().kind().equals(kind))
              .map(b -> b.run().durationSeconds())
              .toList();
      if (!durations.isEmpty()) {
        int from = Math.max(0, durations.size() - POINTS);
        trends.put(kind + "_build", durations.subList(from, durations.size()));
      }
    }
    return trends;
  }
}
