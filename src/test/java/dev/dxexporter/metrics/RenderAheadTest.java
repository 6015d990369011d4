package dev.dxexporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A render writes ahead only the bodies scrapers ask for; the others are written when asked. */
class RenderAheadTest {
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";
  private static final MetricFamily SIZE =
      MetricFamily.gauge("dx_test_size_bytes", "Size. Refreshed on the collector's schedule.");
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ExpositionRenderer renderer = new ExpositionRenderer(nanos::get);
  private final List<Sample> samples =
      List.of(Sample.of(SIZE, 7, "cache", "a"), Sample.of(SIZE, 9, "cache", "b"));

  private RenderedMetrics render() {
    return renderer.render(samples, MetricSnapshots.of());
  }

  private static byte[] gunzip(byte[] gz) throws Exception {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @Test
  void beforeAnyScrapeOnlyWhatPrometheusAsksForIsWrittenAhead() {
    RenderedMetrics r = render();
    assertThat(r.negotiate(OPENMETRICS).written(true)).isTrue();
    assertThat(r.negotiate(OPENMETRICS).written(false)).isFalse();
    assertThat(r.negotiate("text/plain").written(true)).isFalse();
    assertThat(r.negotiate("text/plain").written(false)).isFalse();
  }

  @Test
  void aBodyWrittenLateHasTheSameBytesAsOneWrittenAhead() throws Exception {
    RenderedMetrics first = render();
    byte[] late = first.negotiate("text/plain").plain(); // asked: written now, from the state
    RenderedMetrics second = render();
    assertThat(second.negotiate("text/plain").written(false)).isTrue(); // now in demand
    assertThat(second.negotiate("text/plain").plain()).isEqualTo(late);
    assertThat(new String(late, java.nio.charset.StandardCharsets.UTF_8))
        .contains("dx_test_size_bytes{cache=\"a\"} 7.0")
        .contains("dx_test_size_bytes{cache=\"b\"} 9.0");
    RenderedMetrics.Body om = second.negotiate(OPENMETRICS);
    assertThat(gunzip(om.gzip())).isEqualTo(om.plain()); // gzip ahead, plain late: same page
    assertThat(first.negotiate("text/plain").plain()).isSameAs(late); // written once per view
  }

  @Test
  void aBodyNobodyAskedForWithinTheWarmSpellIsNoLongerWrittenAhead() {
    render().negotiate("text/plain").gzip();
    nanos.addAndGet(FormatDemand.WARM.minus(Duration.ofSeconds(1)).toNanos());
    assertThat(render().negotiate("text/plain").written(true)).isTrue();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    RenderedMetrics r = render();
    assertThat(r.negotiate("text/plain").written(true)).isFalse();
    assertThat(r.negotiate(OPENMETRICS).written(true)).isFalse(); // nobody asked since start
  }
}
