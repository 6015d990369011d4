package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.ingest.BuildCollector;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.ReportSpec;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cargo {@code --timings} HTML inside run artifacts is stored as a build-timings report, and the
 * builds collector shows the newest stored one of each name with the figures the same file gives
 * when read from disk; it survives a restart, and retention keeps the latest of each name.
 * Fixtures: cargo timings reports of sleek, swim-rust and one generated with cargo 1.95.0, zipped
 * in the test.
 */
class ArtifactTimingsTest {
  private static final Path RES = Path.of("src/test/resources/build/cargo-timings");
  private static final Path CARGO_195 =
      RES.resolve("generated-locally/cargo-1.95.0/cargo-timing.html");
  private static final Path SLEEK = RES.resolve("sleek/target/cargo-timings/cargo-timing.html");
  private static final Path SWIM = RES.resolve("swim-rust/cargo-timing.html");
  private static final String TIMINGS = "dx_build_timings_timestamp_seconds";

  @TempDir Path tmp;
  private ArtifactRuns runs;

  @BeforeEach
  void start() throws Exception {
    runs = new ArtifactRuns(tmp.resolve("data"));
  }

  @AfterEach
  void stop() {
    runs.close();
  }

  private static Map<String, Double> timingSeries(List<Sample> samples) {
    return samples.stream()
        .filter(
            s ->
                s.family().name().startsWith("dx_build_unit")
                    || s.family().name().startsWith("dx_build_timings"))
        .map(Sample.Scalar.class::cast)
        .collect(
            Collectors.toMap(
                s -> s.family().name() + s.labels(),
                Sample.Scalar::value,
                (a, b) -> a,
                LinkedHashMap::new));
  }

  private List<Sample> shownFromStore(Store store) throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    return new BuildCollector(
            "p",
            tmp.resolve("empty"),
            List.of(new ReportSpec("cargo", List.of("target/cargo-timings/cargo-timing.html"))),
            List.of(),
            () -> store,
            new IngestCounters())
        .collect();
  }

  /** The same file read from disk by the builds collector, under the artifact's name. */
  private Map<String, Double> fromDisk(Path html) throws Exception {
    Path root = tmp.resolve("disk-" + html.getParent().getFileName());
    Files.createDirectories(root.resolve("target/cargo-timings"));
    Files.copy(html, root.resolve("target/cargo-timings/cargo-timing.html"));
    try (Store disk = SqliteStore.open(root.resolve("data"), StoreSettings.defaults())) {
      Map<String, Double> m =
          timingSeries(
              new BuildCollector(
                      "p",
                      root,
                      List.of(
                          new ReportSpec(
                              "cargo-timings", List.of("target/cargo-timings/cargo-timing.html"))),
                      List.of(),
                      () -> disk,
                      new IngestCounters())
                  .collect());
      m.keySet().removeIf(k -> k.startsWith(TIMINGS));
      return m;
    }
  }

  @Test
  void theNewestTimingsReportOfAnArtifactIsShownAsFromDisk() throws Exception {
    Map<String, byte[]> artifact = new LinkedHashMap<>();
    // cargo's per-build file and its copy of the latest build: the copy is the one read.
    artifact.put("cargo-timing-20260101T101010.123Z.html", Files.readAllBytes(SWIM));
    artifact.put("cargo-timing.html", Files.readAllBytes(CARGO_195));
    artifact.put("build.log", "Compiling ...".getBytes());
    runs.run(42, "a".repeat(40), "success", Map.of("cargo-timings", Zips.of(artifact)));
    runs.ingest(List.of("cargo-timings"));

    Map<String, Double> shown = timingSeries(shownFromStore(runs.store));
    assertThat(shown)
        .containsEntry(
            TIMINGS + "{project=p, report=cargo-timings}", ArtifactRuns.START.toEpochMilli() / 1e3);
    shown.keySet().removeIf(k -> k.startsWith(TIMINGS));
    assertThat(shown).isNotEmpty().isEqualTo(fromDisk(CARGO_195));

    // A later run's report of the same name replaces it; the older one goes with retention.
    runs.h.clock.advance(Duration.ofMinutes(10));
    runs.run(
        43,
        "b".repeat(40),
        "success",
        Map.of("cargo-timings", Zips.of(Map.of("cargo-timing.html", Files.readAllBytes(SLEEK)))));
    runs.ingest(List.of("cargo-timings"));
    Map<String, Double> later = timingSeries(shownFromStore(runs.store));
    later.keySet().removeIf(k -> k.startsWith(TIMINGS));
    assertThat(later).isEqualTo(fromDisk(SLEEK));
    assertThat(runs.store.stats().rowCounts()).containsEntry("timings_report", 2L);
    runs.store.applyRetention(ArtifactRuns.START.plus(Duration.ofDays(3650)));
    assertThat(runs.store.stats().rowCounts()).containsEntry("timings_report", 1L);
    assertThat(timingSeries(shownFromStore(runs.store))).containsAllEntriesOf(later);
  }

  @Test
  void storedTimingsSurviveARestart() throws Exception {
    runs.run(
        42,
        "a".repeat(40),
        "success",
        Map.of(
            "timings-linux",
            Zips.of(
                Map.of("target/cargo-timings/cargo-timing.html", Files.readAllBytes(CARGO_195)))));
    runs.ingest(List.of("timings-*"));
    Map<String, Double> before = timingSeries(shownFromStore(runs.store));
    assertThat(before).containsKey(TIMINGS + "{project=p, report=timings-linux}");
    runs.store.close();
    try (Store reopened = SqliteStore.open(tmp.resolve("data"), StoreSettings.defaults())) {
      assertThat(timingSeries(shownFromStore(reopened))).isEqualTo(before);
    }
  }
}
