package dev.dxexporter.ingest;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.tests.JUnitReportParser;
import dev.dxexporter.collect.tests.SuiteTime;
import dev.dxexporter.collect.tests.TestCase;
import dev.dxexporter.collect.tests.TestRun;
import dev.dxexporter.collect.tests.TestRunAggregator;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.SuiteDuration;
import dev.dxexporter.store.TestAggregates;
import dev.dxexporter.store.TestCaseOutcome;
import dev.dxexporter.store.TestCounts;
import dev.dxexporter.store.TestReportSummary;
import dev.dxexporter.store.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML into the store: one report (a file, or the directory of files one run wrote) parsed in
 * one pass and streamed into one transaction, its cases never all in memory. A duplicate identity
 * is answered before anything is read.
 */
public final class TestIngester {
  /** The outcome of one ingestion: stored or duplicate, and what the report held. */
  public record Ingested(SaveOutcome outcome, long cases, int files, List<String> unreadable) {}

  private final JUnitReportParser parser = new JUnitReportParser();
  private final BoundedFiles bounded;

  /** {@code maxBytes}: the largest report file accepted. */
  public TestIngester(long maxBytes) {
    this.bounded = new BoundedFiles(maxBytes);
  }

  /**
   * Ingests the files of one report (one run) under {@code meta}.
   *
   * @param strict when true, one unreadable file refuses the whole report (a push); when false the
   *     readable files are stored and the others listed (a scan)
   * @throws InputException when nothing of the report could be read, or (strict) any part of it
   */
  public Ingested ingest(Store store, ReportMeta meta, List<Path> files, boolean strict)
      throws InputException {
    if (store.findReport(meta.project(), meta.source(), meta.identity()).isPresent()) {
      return new Ingested(SaveOutcome.DUPLICATE, 0, 0, List.of());
    }
    TestRun[] run = new TestRun[1];
    try (CaseStream<TestCaseOutcome, TestRun> cases =
        new CaseStream<>(
            "dx-ingest",
            sink -> {
              TestRunAggregator aggregator = new TestRunAggregator();
              InputException first = null;
              for (Path file : files) {
                try {
                  aggregator.add(parser.parse(file, bounded, c -> sink.accept(outcome(c))));
                } catch (InputException e) {
                  first = first == null ? e : first;
                  aggregator.unreadable(e);
                }
              }
              TestRun r = aggregator.run();
              if (first != null && (strict || r.files() == 0)) {
                throw first;
              }
              return r;
            })) {
      SaveOutcome outcome =
          store.saveTestReport(
              meta,
              cases,
              () -> {
                run[0] = cases.result();
                return summary(run[0]);
              });
      TestRun r = run[0];
      return r == null
          ? new Ingested(outcome, 0, 0, List.of())
          : new Ingested(outcome, r.counts().total(), r.files(), r.unreadable());
    } catch (CaseStream.ProducerFailure e) {
      if (e.getCause() instanceof InputException ie) {
        throw ie;
      }
      throw e;
    }
  }

  private static TestCaseOutcome outcome(TestCase c) {
    String name = c.name() == null || c.name().isEmpty() ? "(unnamed)" : c.name();
    return new TestCaseOutcome(
        c.suite(), c.className(), name, result(c.result()), c.seconds(), c.retries());
  }

  private static TestResult result(dev.dxexporter.collect.tests.TestResult r) {
    return switch (r) {
      case PASSED -> TestResult.PASSED;
      case FLAKY -> TestResult.FLAKY;
      case SKIPPED -> TestResult.SKIPPED;
      case FAILED -> TestResult.FAILED;
      case ERRORED -> TestResult.ERRORED;
    };
  }

  /**
   * The run's figures as the store keeps them: counts, wall time, top-level suites merged by name.
   */
  static TestReportSummary summary(TestRun run) {
    dev.dxexporter.collect.tests.TestCounts c = run.counts();
    TestCounts counts = new TestCounts(c.passed(), c.failed(), c.errored(), c.skipped(), c.flaky());
    int top = run.suites().stream().mapToInt(SuiteTime::depth).min().orElse(0);
    Map<String, double[]> byName = new LinkedHashMap<>();
    for (SuiteTime s : run.suites()) {
      if (s.depth() == top) {
        double[] acc = byName.computeIfAbsent(s.name(), n -> new double[2]);
        acc[0] += s.seconds();
        acc[1] += s.cases();
      }
    }
    List<SuiteDuration> suites = new ArrayList<>();
    byName.forEach((name, acc) -> suites.add(new SuiteDuration(name, acc[0], (long) acc[1])));
    return new TestReportSummary(
        new TestAggregates(counts, counts.total(), run.wall().seconds()), suites);
  }
}
