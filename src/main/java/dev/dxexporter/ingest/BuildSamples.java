package dev.dxexporter.ingest;

import dev.dxexporter.metrics.HistogramData;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.BuildRun;
import dev.dxexporter.store.StoredBuild;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metric families of recorded builds and how a project's stored builds become samples. */
final class BuildSamples {
  private static final String R = TestSamples.REFRESHED;
  static final MetricFamily DURATION =
      MetricFamily.gauge(
          "dx_build_duration_seconds",
          "Wall time of the latest recorded build of this name and kind (clean, incremental)." + R);
  static final MetricFamily SUCCESS =
      MetricFamily.gauge(
          "dx_build_success",
          "1 when the latest recorded build of this name and kind exited 0, else 0." + R);
  static final MetricFamily MEMORY =
      MetricFamily.gauge(
          "dx_build_peak_memory_bytes",
          "Peak resident memory of the latest recorded build's whole process tree (the sampled sum"
              + " over its processes, or the largest one's kernel peak when higher)."
              + R);
  static final MetricFamily CPU =
      MetricFamily.gauge(
          "dx_build_cpu_seconds",
          "CPU time of the latest recorded build's process tree, by mode (user, system)." + R);
  static final MetricFamily STARTED =
      MetricFamily.gauge(
          "dx_build_start_timestamp_seconds",
          "Unix time the latest recorded build of this name and kind started." + R);
  static final MetricFamily HISTORY =
      MetricFamily.histogram(
          "dx_build_recorded_duration_seconds",
          "Durations of the recorded builds kept in the store (the last "
              + BuildSamples.HISTORY_LIMIT
              + "), by name and kind; it falls when retention drops old builds."
              + R);

  /** Builds read back for the histogram; retention keeps the store itself bounded. */
  static final int HISTORY_LIMIT = 10_000;

  /** Seconds: 1 s for incremental builds up to an hour for clean ones; 300 s is the roadmap's. */
  private static final double[] BOUNDS = {1, 2, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600};

  private BuildSamples() {}

  static List<Sample> of(String project, List<StoredBuild> latest, List<StoredBuild> history) {
    List<Sample> out = new ArrayList<>();
    for (StoredBuild b : latest) {
      BuildRun r = b.run();
      String[] labels = {"project", project, "build", r.name(), "kind", r.kind()};
      out.add(Sample.of(DURATION, r.durationSeconds(), labels));
      out.add(Sample.of(SUCCESS, r.succeeded() ? 1 : 0, labels));
      out.add(Sample.of(MEMORY, r.peakRssBytes(), labels));
      out.add(Sample.of(STARTED, r.started().toEpochMilli() / 1e3, labels));
      out.add(
          Sample.of(
              CPU,
              r.cpuUserSeconds(),
              "project",
              project,
              "build",
              r.name(),
              "kind",
              r.kind(),
              "mode",
              "user"));
      out.add(
          Sample.of(
              CPU,
              r.cpuSystemSeconds(),
              "project",
              project,
              "build",
              r.name(),
              "kind",
              r.kind(),
              "mode",
              "system"));
    }
    Map<List<String>, HistogramData.Builder> histograms = new LinkedHashMap<>();
    for (StoredBuild b : history) {
      histograms
          .computeIfAbsent(
              List.of(b.run().name(), b.run().kind()), k -> HistogramData.buckets(BOUNDS))
          .observe(b.run().durationSeconds());
    }
    histograms.forEach(
        (key, h) ->
            out.add(
                Sample.histogram(
                    HISTORY,
                    h.build(),
                    "project",
                    project,
                    "build",
                    key.get(0),
                    "kind",
                    key.get(1))));
    return out;
  }
}
