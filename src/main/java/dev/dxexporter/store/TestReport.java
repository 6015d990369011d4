package dev.dxexporter.store;

import java.util.List;

/** A stored test report with its aggregates and suites (in the order they were saved). */
public record TestReport(ReportMeta meta, TestAggregates aggregates, List<SuiteDuration> suites) {
  public TestReport {
    suites = List.copyOf(suites);
  }
}
