package dev.dxexporter.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns samples into client_java snapshots and renders them in the formats client_java offers
 * (Prometheus text 0.0.4, OpenMetrics 1.0, protobuf): ahead, in the render, the bodies scrapers ask
 * for ({@link FormatDemand}), so that a scrape only picks bytes; the others when first asked. Never
 * throws on conflicting input: a sample whose family or label set clashes with one already seen is
 * dropped and logged, so one bad collector cannot break a scrape.
 */
final class ExpositionRenderer {
  private static final Logger log = LoggerFactory.getLogger(ExpositionRenderer.class);
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final List<ExpositionFormatWriter> writers = new ArrayList<>();
  private final FormatDemand demand;

  ExpositionRenderer() {
    this(System::nanoTime);
  }

  ExpositionRenderer(LongSupplier nanoTime) {
    demand = new FormatDemand(nanoTime, formats.getOpenMetricsTextFormatWriter().getContentType());
    writers.add(formats.getPrometheusTextFormatWriter());
    writers.add(formats.getOpenMetricsTextFormatWriter());
    if (formats.getPrometheusProtobufWriter().isAvailable()) {
      writers.add(formats.getPrometheusProtobufWriter());
    }
  }

  RenderedMetrics render(List<Sample> samples, MetricSnapshots runtime) {
    List<Sample> kept = List.copyOf(samples);
    MetricSnapshots all = snapshots(kept, runtime, true);
    Map<String, RenderedMetrics.Body> bodies = new LinkedHashMap<>();
    for (ExpositionFormatWriter w : writers) {
      // A body written late builds the snapshots again (quietly: this render logged what it
      // dropped) rather than keeping them with every view.
      RenderedMetrics.Body body =
          new RenderedMetrics.Body(w, () -> snapshots(kept, runtime, false), demand);
      body.writeAhead(all);
      bodies.put(w.getContentType(), body);
    }
    return new RenderedMetrics(formats, bodies);
  }

  private static MetricSnapshots snapshots(
      List<Sample> samples, MetricSnapshots runtime, boolean logDropped) {
    List<MetricSnapshot> snapshots = new ArrayList<>(toSnapshots(samples, logDropped));
    Set<String> names = new HashSet<>();
    snapshots.forEach(s -> names.add(s.getMetadata().getPrometheusName()));
    for (MetricSnapshot s : runtime) {
      if (names.add(s.getMetadata().getPrometheusName())) {
        snapshots.add(s);
      } else if (logDropped) {
        log.warn("dropping runtime metric {}: the name is taken", s.getMetadata().getName());
      }
    }
    return new MetricSnapshots(snapshots);
  }

  private static List<MetricSnapshot> toSnapshots(List<Sample> samples, boolean logDropped) {
    // Keyed by the name client_java sees (a counter without its _total), so that a counter
    // dx_x_total and a gauge dx_x clash here, where it is survivable, not in MetricSnapshots.
    Map<String, FamilySnapshot> families = new LinkedHashMap<>();
    for (Sample s : samples) {
      FamilySnapshot f =
          families.computeIfAbsent(
              FamilySnapshot.baseName(s.family()), n -> new FamilySnapshot(s.family()));
      if (!f.definition().equals(s.family())) {
        if (logDropped) {
          log.warn(
              "dropping a sample of {}: its family is defined twice differently",
              f.definition().name());
        }
      } else if (!f.add(s) && logDropped) {
        log.warn("dropping a duplicate sample {}{}", f.definition().name(), s.labels());
      }
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (FamilySnapshot f : families.values()) {
      out.add(f.snapshot());
    }
    return out;
  }
}
