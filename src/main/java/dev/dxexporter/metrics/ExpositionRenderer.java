package dev.dxexporter.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns samples into client_java snapshots and renders them once in every format client_java offers
 * (Prometheus text 0.0.4, OpenMetrics 1.0, protobuf), so that a scrape only picks bytes. Never
 * throws on conflicting input: a sample whose family or label set clashes with one already seen is
 * dropped and logged, so one bad collector cannot break a scrape.
 */
final class ExpositionRenderer {
  private static final Logger log = LoggerFactory.getLogger(ExpositionRenderer.class);
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final List<ExpositionFormatWriter> writers = new ArrayList<>();

  ExpositionRenderer() {
    writers.add(formats.getPrometheusTextFormatWriter());
    writers.add(formats.getOpenMetricsTextFormatWriter());
    if (formats.getPrometheusProtobufWriter().isAvailable()) {
      writers.add(formats.getPrometheusProtobufWriter());
    }
  }

  RenderedMetrics render(List<Sample> samples, MetricSnapshots runtime) {
    List<MetricSnapshot> snapshots = new ArrayList<>(toSnapshots(samples));
    Set<String> names = new HashSet<>();
    snapshots.forEach(s -> names.add(s.getMetadata().getPrometheusName()));
    for (MetricSnapshot s : runtime) {
      if (names.add(s.getMetadata().getPrometheusName())) {
        snapshots.add(s);
      } else {
        log.warn("dropping runtime metric {}: the name is taken", s.getMetadata().getName());
      }
    }
    MetricSnapshots all = new MetricSnapshots(snapshots);
    Map<String, RenderedMetrics.Body> bodies = new LinkedHashMap<>();
    for (ExpositionFormatWriter w : writers) {
      bodies.put(w.getContentType(), new RenderedMetrics.Body(w.getContentType(), write(all, w)));
    }
    return new RenderedMetrics(formats, bodies);
  }

  private static List<MetricSnapshot> toSnapshots(List<Sample> samples) {
    // Keyed by the name client_java sees (a counter without its _total), so that a counter
    // dx_x_total and a gauge dx_x clash here, where it is survivable, not in MetricSnapshots.
    Map<String, FamilySnapshot> families = new LinkedHashMap<>();
    for (Sample s : samples) {
      FamilySnapshot f =
          families.computeIfAbsent(
              FamilySnapshot.baseName(s.family()), n -> new FamilySnapshot(s.family()));
      if (!f.definition().equals(s.family())) {
        log.warn(
            "dropping a sample of {}: its family is defined twice differently",
            f.definition().name());
      } else if (!f.add(s)) {
        log.warn("dropping a duplicate sample {}{}", f.definition().name(), s.labels());
      }
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (FamilySnapshot f : families.values()) {
      out.add(f.snapshot());
    }
    return out;
  }

  private static byte[] write(MetricSnapshots snapshots, ExpositionFormatWriter writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      writer.write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }
}
