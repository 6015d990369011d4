package dev.dxexporter.ingest;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.FlakyRatio;
import dev.dxexporter.store.SuiteDuration;
import dev.dxexporter.store.TestReport;
import dev.dxexporter.store.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The test-result metric families and how a project's stored reports become samples. */
final class TestSamples {
  static final String REFRESHED = " Refreshed on the collector's schedule.";
  static final MetricFamily TESTS =
      MetricFamily.gauge(
          "dx_tests",
          "Test cases of the latest report by result (passed, failed, errored, skipped, flaky: a"
              + " partition; flaky = failed, then passed on a retry in the same run)."
              + REFRESHED);
  static final MetricFamily DURATION =
      MetricFamily.gauge(
          "dx_tests_duration_seconds",
          "Wall time of the latest test run of the report, in seconds." + REFRESHED);
  static final MetricFamily SUITE =
      MetricFamily.gauge(
          "dx_test_suite_duration_seconds",
          "Time of each suite (class, crate, binary, file) of the latest report, the slowest"
              + " by name and the rest summed as suite=\"other\"."
              + REFRESHED);
  static final MetricFamily RECEIVED =
      MetricFamily.gauge(
          "dx_tests_report_timestamp_seconds",
          "Unix time the latest report was ingested." + REFRESHED);
  static final MetricFamily FLAKY_RATIO =
      MetricFamily.gauge(
          "dx_tests_flaky_ratio",
          "Flaky test cases / distinct test cases over the flaky window; absent while the window"
              + " holds no case (see dx_tests_window_reports)."
              + REFRESHED);
  static final MetricFamily FLAKY_CASES =
      MetricFamily.gauge(
          "dx_tests_flaky_cases",
          "Flaky test cases over the flaky window (the ratio's numerator)." + REFRESHED);
  static final MetricFamily WINDOW_CASES =
      MetricFamily.gauge(
          "dx_tests_window_cases",
          "Distinct test cases over the flaky window (the ratio's denominator)." + REFRESHED);
  static final MetricFamily WINDOW_REPORTS =
      MetricFamily.gauge(
          "dx_tests_window_reports",
          "Test reports in the flaky window: a ratio over few runs says little." + REFRESHED);
  static final MetricFamily WINDOW =
      MetricFamily.gauge(
          "dx_tests_flaky_window_seconds", "Length of the flaky window, in seconds." + REFRESHED);

  /** Suites kept by name per report; the others are summed as "other". */
  static final int TOP_SUITES = 20;

  private TestSamples() {}

  static List<Sample> of(
      String project, List<TestReport> latest, FlakyRatio flaky, Duration window) {
    List<Sample> out = new ArrayList<>();
    for (TestReport r : latest) {
      String name = r.meta().reportName();
      for (TestResult result : TestResult.values()) {
        out.add(
            Sample.of(
                TESTS,
                r.aggregates().counts().of(result),
                "project",
                project,
                "report",
                name,
                "result",
                result.code()));
      }
      out.add(
          Sample.of(DURATION, r.aggregates().wallSeconds(), "project", project, "report", name));
      out.add(
          Sample.of(
              RECEIVED,
              r.meta().receivedAt().toEpochMilli() / 1000.0,
              "project",
              project,
              "report",
              name));
      out.addAll(suites(project, name, r.suites()));
    }
    String[] p = {"project", project};
    if (flaky.distinctCases() > 0) {
      out.add(Sample.of(FLAKY_RATIO, flaky.ratio(), p));
    }
    out.add(Sample.of(FLAKY_CASES, flaky.flakyCases(), p));
    out.add(Sample.of(WINDOW_CASES, flaky.distinctCases(), p));
    out.add(Sample.of(WINDOW_REPORTS, flaky.reports(), p));
    out.add(Sample.of(WINDOW, window.toSeconds(), p));
    return out;
  }

  private static List<Sample> suites(String project, String report, List<SuiteDuration> suites) {
    List<SuiteDuration> sorted =
        suites.stream()
            .sorted(Comparator.comparingDouble(SuiteDuration::seconds).reversed())
            .toList();
    List<Sample> out = new ArrayList<>();
    double other = 0;
    boolean hasOther = false;
    for (int i = 0; i < sorted.size(); i++) {
      SuiteDuration s = sorted.get(i);
      String name = s.name().isEmpty() ? "(unnamed)" : s.name();
      if (i < TOP_SUITES && !name.equals("other")) {
        out.add(Sample.of(SUITE, s.seconds(), "project", project, "report", report, "suite", name));
      } else {
        other += s.seconds();
        hasOther = true;
      }
    }
    if (hasOther) {
      out.add(Sample.of(SUITE, other, "project", project, "report", report, "suite", "other"));
    }
    return out;
  }
}
