package dev.dxexporter.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds reports for the store tests; aggregates are derived from the cases handed in. */
final class Reports {
  static final String PROJECT = "app";
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private Reports() {}

  static ReportMeta meta(String identity, String name, String commit, Instant receivedAt) {
    return meta(PROJECT, identity, name, commit, receivedAt);
  }

  static ReportMeta meta(
      String project, String identity, String name, String commit, Instant receivedAt) {
    return new ReportMeta(
        project, "tests", identity, name, "junit", "main", commit, "run-" + identity, receivedAt);
  }

  static ReportMeta coverageMeta(String identity, String name, Instant receivedAt) {
    return new ReportMeta(
        PROJECT, "coverage", identity, name, "cobertura", "main", "c1", null, receivedAt);
  }

  static TestCaseOutcome tc(String suite, String test, TestResult result, double seconds) {
    return new TestCaseOutcome(suite, suite + ".Class", test, result, seconds, 0);
  }

  static TestReportSummary summaryOf(List<TestCaseOutcome> cases, double wallSeconds) {
    long[] n = new long[TestResult.values().length];
    Map<String, double[]> suites = new LinkedHashMap<>();
    for (TestCaseOutcome c : cases) {
      n[c.result().ordinal()]++;
      double[] s = suites.computeIfAbsent(c.suite(), k -> new double[2]);
      s[0] += c.seconds();
      s[1]++;
    }
    TestCounts counts = new TestCounts(n[0], n[1], n[2], n[3], n[4]);
    List<SuiteDuration> suiteList = new ArrayList<>();
    suites.forEach((name, s) -> suiteList.add(new SuiteDuration(name, s[0], (long) s[1])));
    return new TestReportSummary(new TestAggregates(counts, cases.size(), wallSeconds), suiteList);
  }

  static SaveOutcome save(Store store, ReportMeta meta, List<TestCaseOutcome> cases) {
    TestReportSummary summary = summaryOf(cases, 1.5 * cases.size());
    return store.saveTestReport(meta, summary.aggregates(), summary.suites(), cases.iterator());
  }
}
