package dev.dxexporter.store;

import java.util.List;
import java.util.Objects;

/** Aggregates and suites of a test report: what is known once all its cases have been read. */
public record TestReportSummary(TestAggregates aggregates, List<SuiteDuration> suites) {
  public TestReportSummary {
    Objects.requireNonNull(aggregates, "aggregates");
    suites = List.copyOf(suites);
  }
}
