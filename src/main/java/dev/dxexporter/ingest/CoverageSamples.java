package dev.dxexporter.ingest;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.CoveragePoint;
import dev.dxexporter.store.CoverageReport;
import java.util.ArrayList;
import java.util.List;

/** The coverage metric families and how a project's stored coverage becomes samples. */
final class CoverageSamples {
  static final MetricFamily RATIO =
      MetricFamily.gauge(
          "dx_coverage_ratio",
          "Covered / total of the latest coverage report, by kind (line, branch); absent when the"
              + " report has nothing of that kind."
              + TestSamples.REFRESHED);
  static final MetricFamily COVERED =
      MetricFamily.gauge(
          "dx_coverage_covered",
          "Covered lines or branches of the latest coverage report." + TestSamples.REFRESHED);
  static final MetricFamily TOTAL =
      MetricFamily.gauge(
          "dx_coverage_instrumented",
          "Instrumented lines or branches of the latest coverage report (covered or not)."
              + TestSamples.REFRESHED);
  static final MetricFamily RECEIVED =
      MetricFamily.gauge(
          "dx_coverage_report_timestamp_seconds",
          "Unix time the latest coverage report was ingested." + TestSamples.REFRESHED);

  private CoverageSamples() {}

  static List<Sample> of(String project, List<CoverageReport> latest) {
    List<Sample> out = new ArrayList<>();
    for (CoverageReport r : latest) {
      String name = r.meta().reportName();
      out.add(
          Sample.of(
              RECEIVED,
              r.meta().receivedAt().toEpochMilli() / 1000.0,
              "project",
              project,
              "report",
              name));
      for (CoveragePoint p : r.points()) {
        String[] l = {"project", project, "report", name, "kind", p.kind().code()};
        out.add(Sample.of(COVERED, p.covered(), l));
        out.add(Sample.of(TOTAL, p.total(), l));
        p.ratio().ifPresent(v -> out.add(Sample.of(RATIO, v, l)));
      }
    }
    return out;
  }
}
