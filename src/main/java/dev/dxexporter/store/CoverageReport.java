package dev.dxexporter.store;

import java.util.List;

/** A stored coverage report: one point per kind that the report measured. */
public record CoverageReport(ReportMeta meta, List<CoveragePoint> points) {
  public CoverageReport {
    points = List.copyOf(points);
  }
}
