package dev.dxexporter.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The samples of one family, collected for rendering, turned into one client_java snapshot. */
final class FamilySnapshot {
  private final MetricFamily definition;
  private final Map<Map<String, String>, Sample> points = new LinkedHashMap<>();

  FamilySnapshot(MetricFamily definition) {
    this.definition = definition;
  }

  MetricFamily definition() {
    return definition;
  }

  /** Adds a sample; false when its label set is already taken. */
  boolean add(Sample s) {
    return points.putIfAbsent(s.labels(), s) == null;
  }

  /** The name client_java keys families by: a counter without its {@code _total}. */
  static String baseName(MetricFamily family) {
    String name = family.name();
    return family.type() == MetricType.COUNTER
        ? name.substring(0, name.length() - "_total".length())
        : name;
  }

  MetricSnapshot snapshot() {
    return switch (definition.type()) {
      case GAUGE -> {
        GaugeSnapshot.Builder b =
            GaugeSnapshot.builder().name(definition.name()).help(definition.help());
        for (Sample s : points.values()) {
          Sample.Scalar v = (Sample.Scalar) s;
          GaugeSnapshot.GaugeDataPointSnapshot.Builder p =
              GaugeSnapshot.GaugeDataPointSnapshot.builder()
                  .labels(labels(v.labels()))
                  .value(v.value());
          v.exemplar().ifPresent(e -> p.exemplar(exemplar(e)));
          b.dataPoint(p.build());
        }
        yield b.build();
      }
      case COUNTER -> {
        CounterSnapshot.Builder b =
            CounterSnapshot.builder().name(baseName(definition)).help(definition.help());
        for (Sample s : points.values()) {
          Sample.Scalar v = (Sample.Scalar) s;
          CounterSnapshot.CounterDataPointSnapshot.Builder p =
              CounterSnapshot.CounterDataPointSnapshot.builder()
                  .labels(labels(v.labels()))
                  .value(v.value());
          v.exemplar().ifPresent(e -> p.exemplar(exemplar(e)));
          b.dataPoint(p.build());
        }
        yield b.build();
      }
      case HISTOGRAM -> {
        HistogramSnapshot.Builder b =
            HistogramSnapshot.builder().name(definition.name()).help(definition.help());
        for (Sample s : points.values()) {
          Sample.Histogram h = (Sample.Histogram) s;
          b.dataPoint(histogramPoint(h));
        }
        yield b.build();
      }
    };
  }

  private static HistogramSnapshot.HistogramDataPointSnapshot histogramPoint(Sample.Histogram h) {
    HistogramData d = h.data();
    double[] bounds = d.upperBounds().stream().mapToDouble(Double::doubleValue).toArray();
    long[] counts = d.bucketCounts().stream().mapToLong(Long::longValue).toArray();
    List<Integer> indexes = new ArrayList<>(d.nativePositiveBuckets().keySet());
    List<Long> nativeCounts = new ArrayList<>(d.nativePositiveBuckets().values());
    HistogramSnapshot.HistogramDataPointSnapshot.Builder p =
        HistogramSnapshot.HistogramDataPointSnapshot.builder()
            .labels(labels(h.labels()))
            .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
            .nativeSchema(d.nativeSchema())
            .nativeZeroCount(d.nativeZeroCount())
            .nativeZeroThreshold(HistogramData.NATIVE_ZERO_THRESHOLD)
            .nativeBucketsForPositiveValues(NativeHistogramBuckets.of(indexes, nativeCounts));
    p.sum(d.sum());
    if (!d.exemplars().isEmpty()) {
      p.exemplars(Exemplars.of(d.exemplars().stream().map(FamilySnapshot::exemplar).toList()));
    }
    return p.build();
  }

  private static io.prometheus.metrics.model.snapshots.Exemplar exemplar(Exemplar e) {
    io.prometheus.metrics.model.snapshots.Exemplar.Builder b =
        io.prometheus.metrics.model.snapshots.Exemplar.builder()
            .value(e.value())
            .labels(labels(e.labels()));
    e.timestamp().ifPresent(t -> b.timestampMillis(t.toEpochMilli()));
    return b.build();
  }

  private static Labels labels(Map<String, String> labels) {
    return LabelSet.of(labels).prometheus();
  }
}
