package dev.dxexporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Histograms through the renderer: classic buckets in both text formats, the exemplar (a run URL)
 * in OpenMetrics only, never as a label, and the same observations as a native histogram in the
 * protobuf format, decoded back with client_java's own generated classes.
 */
class HistogramExpositionTest {
  private static final MetricFamily RUNS =
      MetricFamily.histogram("dx_test_run_duration_seconds", "Run durations.");
  private static final String URL = "https://github.com/o/r/actions/runs/123";

  private static RenderedMetrics rendered() {
    HistogramData data =
        HistogramData.buckets(1, 10, 100)
            .observe(0.5)
            .observe(5)
            .observe(5)
            .observe(50, Exemplar.of(50, "url", URL, Instant.ofEpochSecond(1_700_000_000)))
            .observe(500)
            .build();
    Sample h = Sample.histogram(RUNS, data, "project", "p");
    return new ExpositionRenderer().render(List.of(h), MetricSnapshots.of());
  }

  @Test
  void classicBucketsAreCumulativeInTheTextFormat() {
    String text = new String(rendered().negotiate("text/plain").plain(), StandardCharsets.UTF_8);
    assertThat(text)
        .contains("# TYPE dx_test_run_duration_seconds histogram")
        .contains("dx_test_run_duration_seconds_bucket{project=\"p\",le=\"1.0\"} 1")
        .contains("dx_test_run_duration_seconds_bucket{project=\"p\",le=\"10.0\"} 3")
        .contains("dx_test_run_duration_seconds_bucket{project=\"p\",le=\"100.0\"} 4")
        .contains("dx_test_run_duration_seconds_bucket{project=\"p\",le=\"+Inf\"} 5")
        .contains("dx_test_run_duration_seconds_count{project=\"p\"} 5")
        .contains("dx_test_run_duration_seconds_sum{project=\"p\"} 560.5")
        .doesNotContain(URL);
  }

  @Test
  void theExemplarCarriesTheUrlInOpenMetricsOnTheBucketOfItsValue() {
    String om =
        new String(
            rendered().negotiate("application/openmetrics-text; version=1.0.0").plain(),
            StandardCharsets.UTF_8);
    assertThat(om)
        .containsPattern(
            "dx_test_run_duration_seconds_bucket\\{project=\"p\",le=\"100\\.0\"} 4 # \\{url=\""
                + java.util.regex.Pattern.quote(URL)
                + "\"} 50\\.0 1700000000\\.000");
    assertThat(om.lines().filter(l -> l.contains(URL)).count()).isEqualTo(1);
  }

  @Test
  void protobufCarriesClassicAndNativeBuckets() throws Exception {
    RenderedMetrics.Body body =
        rendered()
            .negotiate(
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                    + "encoding=delimited;q=0.9,text/plain;q=0.1");
    assertThat(body.contentType()).startsWith("application/vnd.google.protobuf");
    Metrics.MetricFamily family =
        Metrics.MetricFamily.parseDelimitedFrom(new ByteArrayInputStream(body.plain()));
    assertThat(family.getName()).isEqualTo("dx_test_run_duration_seconds");
    Metrics.Histogram h = family.getMetric(0).getHistogram();
    assertThat(h.getSampleCount()).isEqualTo(5);
    assertThat(h.getSampleSum()).isEqualTo(560.5);
    assertThat(h.getBucketList())
        .extracting(Metrics.Bucket::getCumulativeCount)
        .startsWith(1L, 3L, 4L);
    assertThat(h.getSchema()).isEqualTo(HistogramData.NATIVE_SCHEMA);
    // Decode spans and deltas into index -> count and compare with the definition of the buckets.
    Map<Integer, Long> decoded = new TreeMap<>();
    int index = 0;
    long count = 0;
    int delta = 0;
    for (Metrics.BucketSpan span : h.getPositiveSpanList()) {
      index += span.getOffset();
      for (int i = 0; i < span.getLength(); i++) {
        count += h.getPositiveDelta(delta++);
        decoded.put(index++, count);
      }
    }
    decoded.values().removeIf(c -> c == 0);
    Map<Integer, Long> expected = new TreeMap<>();
    for (double v : new double[] {0.5, 5, 5, 50, 500}) {
      expected.merge(bucketByDefinition(v), 1L, Long::sum);
    }
    assertThat(decoded).isEqualTo(expected);
  }

  /**
   * The index i with 2^((i-1)/8) < v <= 2^(i/8) (schema 3), by search; 2^(k/8) is computed as a
   * power of two, exact where k/8 is an integer.
   */
  private static int bucketByDefinition(double v) {
    int perOctave = 1 << HistogramData.NATIVE_SCHEMA;
    int i = (int) Math.floor(Math.log(v) / Math.log(2) * perOctave) - 2;
    while (Math.pow(2, (double) i / perOctave) < v) {
      i++;
    }
    return i;
  }

  @Test
  void nativeIndexesFollowTheDefinitionIncludingExactPowersOfTwo() {
    Random random = new Random(42);
    List<Double> values = new ArrayList<>(List.of(1.0, 2.0, 0.5, 1024.0, 3.0, 1e-9, 86_400.0));
    for (int i = 0; i < 10_000; i++) {
      values.add(Math.exp(random.nextGaussian() * 8));
    }
    for (double v : values) {
      assertThat(HistogramData.nativeIndex(v))
          .as("index of %s", v)
          .isEqualTo(bucketByDefinition(v));
    }
  }

  @Test
  void invalidObservationsAndOversizedExemplarsAreRefused() {
    assertThatThrownBy(() -> HistogramData.buckets(1).observe(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Exemplar.of(1, "url", "x".repeat(200), Instant.EPOCH)).isEmpty();
    assertThat(Exemplar.of(1, "url", URL, Instant.EPOCH)).isPresent();
  }
}
