package dev.dxexporter.ingest;

import dev.dxexporter.collect.build.CargoTimings;
import dev.dxexporter.collect.build.CompilerCacheStats;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.BuildTimings;
import java.util.ArrayList;
import java.util.List;

/** Samples of what build tools leave on disk: cargo timing reports, compiler cache statistics. */
final class BuildFileSamples {
  private static final String R = TestSamples.REFRESHED;
  static final MetricFamily UNIT =
      MetricFamily.gauge(
          "dx_build_unit_duration_seconds",
          "Compile time of each unit (crate target) in the newest cargo --timings report, the "
              + BuildFileSamples.TOP_UNITS
              + " slowest by name and the rest summed as unit=\"other\"."
              + R);
  static final MetricFamily TIMINGS_TOTAL =
      MetricFamily.gauge(
          "dx_build_timings_duration_seconds",
          "Total time of the build in the newest cargo --timings report." + R);
  static final MetricFamily TIMINGS_UNITS =
      MetricFamily.gauge(
          "dx_build_timings_units",
          "Units the newest cargo --timings report lists as compiled (dirty)." + R);
  static final MetricFamily TIMINGS_AT =
      MetricFamily.gauge(
          "dx_build_timings_timestamp_seconds",
          "Modification time of the newest cargo --timings report read." + R);
  static final MetricFamily HIT_RATIO =
      MetricFamily.gauge(
          "dx_build_cache_hit_ratio",
          "Compiler cache hits / (hits + misses), as sccache and ccache compute it; absent with no"
              + " lookups."
              + R);
  static final MetricFamily HITS =
      MetricFamily.gauge(
          "dx_build_cache_hits",
          "Compiler cache hits in the statistics file (the tool's counter since its last reset)."
              + R);
  static final MetricFamily MISSES =
      MetricFamily.gauge(
          "dx_build_cache_misses",
          "Compiler cache misses in the statistics file (the tool's counter since its last reset)."
              + R);

  /** Units kept by name; the slowest crates are the point, the label must stay bounded. */
  static final int TOP_UNITS = 20;

  private BuildFileSamples() {}

  static List<Sample> timings(String project, String report, CargoTimings t, double modified) {
    return timings(project, report, CargoTimingsFigures.of(t), modified);
  }

  /**
   * @param at when the report was written (its file's modification time) or, for one from the
   *     store, ingested
   */
  static List<Sample> timings(String project, String report, BuildTimings t, double at) {
    List<Sample> out = new ArrayList<>();
    double other = 0;
    int i = 0;
    for (BuildTimings.UnitTime u : t.units()) {
      if (i++ < TOP_UNITS && !u.label().equals("other")) {
        out.add(
            Sample.of(UNIT, u.seconds(), "project", project, "report", report, "unit", u.label()));
      } else {
        other += u.seconds();
      }
    }
    if (t.units().size() > TOP_UNITS) {
      out.add(Sample.of(UNIT, other, "project", project, "report", report, "unit", "other"));
    }
    out.add(Sample.of(TIMINGS_TOTAL, t.totalSeconds(), "project", project, "report", report));
    out.add(Sample.of(TIMINGS_UNITS, t.dirtyUnits(), "project", project, "report", report));
    out.add(Sample.of(TIMINGS_AT, at, "project", project, "report", report));
    return out;
  }

  static List<Sample> compilerCache(String project, String cache, CompilerCacheStats s) {
    List<Sample> out = new ArrayList<>();
    s.hitRatio()
        .ifPresent(r -> out.add(Sample.of(HIT_RATIO, r, "project", project, "cache", cache)));
    out.add(Sample.of(HITS, s.hits(), "project", project, "cache", cache));
    out.add(Sample.of(MISSES, s.misses(), "project", project, "cache", cache));
    return out;
  }
}
