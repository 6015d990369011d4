package dev.dxexporter.e2e;

import static dev.dxexporter.e2e.HeapCapScrapes.errors;
import static dev.dxexporter.e2e.HeapCapScrapes.label;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.daemon.HeapHogDaemonMain;
import dev.dxexporter.ingest.heap.BenchCapFiles;
import dev.dxexporter.ingest.heap.ReportCapFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HeapCapDaemonIT}'s daemon (a child JVM with the chart's {@code -Xmx256m}, serial GC, C1,
 * and a collector ending every run in {@code OutOfMemoryError}) over report files at their caps,
 * read at once: JMH and pytest-benchmark JSON at 8 MiB and go console output at 2 MiB, each of the
 * most benchmarks a report may hold with samples filling the cap; a criterion {@code sample.json}
 * at 2 MiB; a cargo timings page at 8 MiB; and two that must be refused, counted: a Google
 * Benchmark JSON of 42,000 benchmarks at 8 MiB (over the benchmark limit) and a 512 MiB LCOV of
 * tiny files (over the detail budget). Every collector keeps succeeding and the only
 * OutOfMemoryError in the log is the hog's.
 */
class HeapCapReportsIT {
  /** Benchmark projects taken in, by the file written there; googlecpp is refused. */
  private static final Map<String, String> BENCH =
      Map.of(
          "jmh",
          "jmh-wide",
          "pytest",
          "pytest-wide",
          "go",
          "go-wide",
          "criterion",
          "criterion-sample");

  private static final List<String> ALL =
      List.of("jmh", "pytest", "googlecpp", "go", "criterion", "cargo", "coverage");
  @TempDir Path dir;

  @Test
  void reportsAtTheirCapsAndAnOutOfMemoryErrorDoNotStopCollectionUnderTheChartsHeap()
      throws Exception {
    for (Map.Entry<String, String> project : BENCH.entrySet()) {
      BenchCapFiles.write(project.getValue(), dir.resolve(project.getKey()), 0);
    }
    BenchCapFiles.write("googlecpp", dir.resolve("googlecpp"), 0);
    ReportCapFiles.write("cargo-timings", dir.resolve("cargo"), 0);
    ReportCapFiles.write("lcov-small", dir.resolve("coverage"), 0);
    Files.createDirectories(dir.resolve("hog"));
    StringBuilder config =
        new StringBuilder(
            """
            global:
              benchmarks: {schedule: 5s}
              coverage: {schedule: 5s}
              builds: {schedule: 5s}
            projects:
              - {name: hog, path: hog, dependencies: {enabled: false}, heap_hog: {}}
              - name: cargo
                path: cargo
                dependencies: {enabled: false}
                builds: {timings: [{name: cargo, paths: [target/cargo-timings/cargo-timing.html]}]}
              - name: coverage
                path: coverage
                dependencies: {enabled: false}
                coverage: {reports: [{name: lcov, paths: [coverage/lcov.info]}]}
            """);
    for (String format : ALL.subList(0, 5)) {
      String path = format.equals("criterion") ? "target/criterion" : "bench/out";
      config.append(
          String.format(
              "  - {name: %1$s, path: %1$s, dependencies: {enabled: false}, benchmarks: {reports:"
                  + " [{name: %1$s, paths: [%2$s], format: %1$s}]}}%n",
              format, path));
    }
    Files.writeString(dir.resolve("dx.yml"), config);
    int port = ServerProcess.freePort();
    HeapCapScrapes scrapes = new HeapCapScrapes("http://127.0.0.1:" + port);
    try (ServerProcess daemon =
        ServerProcess.start(
            "dx-exporter",
            dir,
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                HeapHogDaemonMain.class.getName(),
                "serve",
                "--config.file=dx.yml",
                "--web.listen-address=127.0.0.1:" + port))) {
      Map<String, Double> first =
          scrapes.waitFor(daemon, m -> ALL.stream().allMatch(p -> succeeded(m, p) > 0));
      Map<String, Double> later =
          scrapes.waitFor(
              daemon,
              m ->
                  ALL.stream().allMatch(p -> succeeded(m, p) > succeeded(first, p))
                      && m.getOrDefault(errors("hog", "heap_hog"), 0.0) >= 3);
      for (String project : BENCH.keySet()) {
        assertThat(later)
            .as(project)
            .containsEntry(label("dx_collector_success", project, "benchmarks"), 1.0)
            .containsEntry(reports("ingested", project, "benchmarks", "outcome=\"stored\","), 1.0)
            .containsEntry(reports("refused", project, "benchmarks", ""), 0.0);
      }
      assertThat(later)
          .containsEntry(label("dx_collector_success", "googlecpp", "benchmarks"), 1.0)
          .containsEntry(reports("refused", "googlecpp", "benchmarks", ""), 1.0)
          .containsEntry(label("dx_collector_success", "cargo", "builds"), 1.0)
          .containsEntry(reports("refused", "cargo", "builds", ""), 0.0)
          .containsEntry(label("dx_collector_success", "coverage", "coverage"), 1.0)
          .containsEntry(reports("refused", "coverage", "coverage", ""), 1.0)
          .containsEntry(label("dx_collector_success", "hog", "heap_hog"), 0.0);
      assertThat(later.keySet())
          .anyMatch(k -> k.startsWith("dx_build_unit_duration_seconds{") && k.contains("cargo"));
      assertThat(scrapes.get("/-/healthy").statusCode()).isEqualTo(200);
      List<String> log = Files.readAllLines(dir.resolve("dx-exporter.log"));
      assertThat(log.stream().filter(l -> l.contains("OutOfMemoryError")))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).contains("hog/heap_hog"));
      assertThat(log).anyMatch(l -> l.contains("lcov.info") && l.contains("budget"));
      assertThat(log).anyMatch(l -> l.contains("googlecpp") && l.contains("more than the limit"));
    }
  }

  private static double succeeded(Map<String, Double> m, String project) {
    String collector =
        switch (project) {
          case "cargo" -> "builds";
          case "coverage" -> "coverage";
          default -> "benchmarks";
        };
    return m.getOrDefault(
        label("dx_collector_last_success_timestamp_seconds", project, collector), 0.0);
  }

  /** {@code dx_reports_<kind>_total} of files; {@code outcome} the label and comma, or "". */
  private static String reports(String kind, String project, String source, String outcome) {
    return "dx_reports_"
        + kind
        + "_total{"
        + outcome
        + "project=\""
        + project
        + "\",source=\""
        + source
        + "\",via=\"file\"}";
  }
}
