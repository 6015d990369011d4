package dev.dxexporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SnapshotRegistryTest {
  private static final MetricFamily SIZE =
      MetricFamily.gauge("dx_test_size_bytes", "Size. Refreshed on the collector's schedule.");
  private final CollectorId id = new CollectorId("demo", "cache:target");
  private final SnapshotRegistry registry = new SnapshotRegistry(List.of(), MetricSnapshots::of);

  private final java.util.List<SnapshotRegistry.Registration> registered =
      new java.util.ArrayList<>();

  /** Registers {@code id} (owned by itself) beside those registered before. */
  private void register(CollectorId id, double interval) {
    registered.add(new SnapshotRegistry.Registration(id, interval, id));
    registry.install(registered);
  }

  private String text() {
    return new String(registry.rendered().negotiate(null).plain(), StandardCharsets.UTF_8);
  }

  @Test
  void notReadyUntilEveryCollectorRanOnce() {
    CollectorId other = new CollectorId("demo", "dependencies");
    register(id, 60);
    register(other, 300);
    assertThat(registry.allRanOnce()).isFalse();
    registry.recordFailure(id, id, "boom", 0.1, Instant.ofEpochSecond(100));
    assertThat(registry.allRanOnce()).isFalse();
    registry.recordSuccess(other, other, List.of(), 0.1, Instant.ofEpochSecond(100));
    assertThat(registry.allRanOnce()).isTrue(); // a failed run is still a run
  }

  @Test
  void aFailedRunKeepsTheLastGoodSamplesAndCountsTheError() {
    register(id, 60);
    registry.recordSuccess(
        id,
        id,
        List.of(Sample.of(SIZE, 42, "project", "demo", "cache", "target")),
        1.5,
        Instant.ofEpochSecond(1000));
    registry.recordFailure(id, id, "timed out", 2.5, Instant.ofEpochSecond(1060));

    String text = text();
    assertThat(text).contains("dx_test_size_bytes{cache=\"target\",project=\"demo\"} 42.0");
    assertThat(text)
        .contains("dx_collector_success{collector=\"cache:target\",project=\"demo\"} 0.0");
    assertThat(text)
        .contains("dx_collector_duration_seconds{collector=\"cache:target\",project=\"demo\"} 2.5");
    assertThat(text)
        .contains(
            "dx_collector_last_success_timestamp_seconds{collector=\"cache:target\",project=\"demo\"} 1000.0");
    assertThat(text)
        .contains("dx_collector_errors_total{collector=\"cache:target\",project=\"demo\"} 1.0");
    assertThat(text)
        .contains(
            "dx_collector_interval_seconds{collector=\"cache:target\",project=\"demo\"} 60.0");
    assertThat(text).contains("# TYPE dx_collector_errors_total counter");
    assertThat(registry.states().get(0).lastError()).contains("timed out");
  }

  @Test
  void beforeTheFirstRunOnlyIntervalAndZeroErrorsAreExposed() {
    register(id, 60);
    assertThat(text())
        .contains("dx_collector_errors_total{collector=\"cache:target\",project=\"demo\"} 0.0")
        .doesNotContain("dx_collector_success")
        .doesNotContain("dx_test_size_bytes");
  }

  @Test
  void clashingSamplesAreDroppedNotFatal() {
    register(id, 60);
    MetricFamily clash = MetricFamily.counter("dx_test_size_bytes_total", "x");
    registry.recordSuccess(
        id,
        id,
        List.of(
            Sample.of(SIZE, 1, "cache", "a"),
            Sample.of(SIZE, 2, "cache", "a"),
            Sample.of(
                new MetricFamily("dx_test_size_bytes", "other help", MetricType.GAUGE),
                3,
                "cache",
                "b"),
            Sample.of(clash, 4)),
        0,
        Instant.EPOCH);
    String text = text();
    assertThat(text).contains("dx_test_size_bytes{cache=\"a\"} 1.0").doesNotContain("cache=\"b\"");
    assertThat(registry.states().get(0).lastRunSucceeded()).isTrue();
  }

  @Test
  void aRunWithTheSameSamplesKeepsTheHeldOnesAndAChangedOneReplacesThem() {
    register(id, 60);
    registry.recordSuccess(
        id, id, List.of(Sample.of(SIZE, 7, "cache", "a")), 0, Instant.ofEpochSecond(1));
    List<Sample> held = registry.states().get(0).samples();
    registry.recordSuccess(
        id, id, List.of(Sample.of(SIZE, 7, "cache", "a")), 0, Instant.ofEpochSecond(2));
    assertThat(registry.states().get(0).samples()).isSameAs(held);
    assertThat(registry.states().get(0).runs()).isEqualTo(2);
    registry.recordSuccess(
        id, id, List.of(Sample.of(SIZE, 8, "cache", "a")), 0, Instant.ofEpochSecond(3));
    assertThat(registry.states().get(0).samples()).isNotSameAs(held);
    assertThat(text()).contains("dx_test_size_bytes{cache=\"a\"} 8.0");
  }

  @Test
  void rendersOpenMetricsAndGzipOfTheSameContent() throws Exception {
    register(id, 60);
    registry.recordSuccess(id, id, List.of(Sample.of(SIZE, 7, "cache", "a")), 0, Instant.EPOCH);
    RenderedMetrics r = registry.rendered();
    RenderedMetrics.Body om = r.negotiate("application/openmetrics-text; version=1.0.0");
    RenderedMetrics.Body text = r.negotiate("text/plain");
    assertThat(new String(om.plain(), StandardCharsets.UTF_8)).endsWith("# EOF\n");
    assertThat(om.contentType()).startsWith("application/openmetrics-text");
    assertThat(text.contentType()).startsWith("text/plain; version=0.0.4");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(text.gzip()))) {
      assertThat(in.readAllBytes()).isEqualTo(text.plain());
    }
  }
}
