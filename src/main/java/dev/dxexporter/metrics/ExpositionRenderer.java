package dev.dxexporter.metrics;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns samples into client_java snapshots and renders them in the Prometheus text format 0.0.4 and
 * OpenMetrics, plain and gzipped. Never throws on conflicting input: a sample whose family or label
 * set clashes with one already seen is dropped and logged, so one bad collector cannot break a
 * scrape.
 */
final class ExpositionRenderer {
  private static final Logger log = LoggerFactory.getLogger(ExpositionRenderer.class);
  private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();
  private final OpenMetricsTextFormatWriter openMetrics = OpenMetricsTextFormatWriter.create();

  RenderedMetrics render(List<Sample> samples, MetricSnapshots runtime) {
    List<MetricSnapshot> snapshots = new ArrayList<>(toSnapshots(samples));
    java.util.Set<String> names = new java.util.HashSet<>();
    snapshots.forEach(s -> names.add(s.getMetadata().getName()));
    for (MetricSnapshot s : runtime) {
      if (names.add(s.getMetadata().getName())) {
        snapshots.add(s);
      } else {
        log.warn("dropping runtime metric {}: the name is taken", s.getMetadata().getName());
      }
    }
    MetricSnapshots all = new MetricSnapshots(snapshots);
    byte[] t = write(all, text::write);
    byte[] om = write(all, openMetrics::write);
    return new RenderedMetrics(
        t, gzip(t), text.getContentType(), om, gzip(om), openMetrics.getContentType());
  }

  private static List<MetricSnapshot> toSnapshots(List<Sample> samples) {
    // Keyed by the name client_java sees (a counter without its _total), so that a counter
    // dx_x_total and a gauge dx_x clash here, where it is survivable, not in MetricSnapshots.
    Map<String, Family> families = new LinkedHashMap<>();
    for (Sample s : samples) {
      Family f = families.computeIfAbsent(baseName(s.family()), n -> new Family(s.family()));
      if (!f.definition.equals(s.family())) {
        log.warn(
            "dropping a sample of {}: its family is defined twice differently",
            f.definition.name());
      } else if (f.points.putIfAbsent(s.labels(), s.value()) != null) {
        log.warn("dropping a duplicate sample {}{}", f.definition.name(), s.labels());
      }
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (Family f : families.values()) {
      out.add(f.snapshot());
    }
    return out;
  }

  private static String baseName(MetricFamily family) {
    String name = family.name();
    return family.type() == MetricType.COUNTER
        ? name.substring(0, name.length() - "_total".length())
        : name;
  }

  private static final class Family {
    final MetricFamily definition;
    final Map<Map<String, String>, Double> points = new LinkedHashMap<>();

    Family(MetricFamily definition) {
      this.definition = definition;
    }

    MetricSnapshot snapshot() {
      return switch (definition.type()) {
        case GAUGE -> {
          GaugeSnapshot.Builder b =
              GaugeSnapshot.builder().name(definition.name()).help(definition.help());
          points.forEach(
              (labels, v) ->
                  b.dataPoint(
                      GaugeSnapshot.GaugeDataPointSnapshot.builder()
                          .labels(labels(labels))
                          .value(v)
                          .build()));
          yield b.build();
        }
        case COUNTER -> {
          CounterSnapshot.Builder b =
              CounterSnapshot.builder().name(baseName(definition)).help(definition.help());
          points.forEach(
              (labels, v) ->
                  b.dataPoint(
                      CounterSnapshot.CounterDataPointSnapshot.builder()
                          .labels(labels(labels))
                          .value(v)
                          .build()));
          yield b.build();
        }
      };
    }
  }

  private static Labels labels(Map<String, String> labels) {
    Labels.Builder b = Labels.builder();
    labels.forEach(b::label);
    return b.build();
  }

  private interface Writer {
    void write(java.io.OutputStream out, MetricSnapshots snapshots) throws IOException;
  }

  private static byte[] write(MetricSnapshots snapshots, Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      writer.write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
