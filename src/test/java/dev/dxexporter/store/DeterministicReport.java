package dev.dxexporter.store;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A test report whose every figure follows from its identity, so a process that only knows the
 * identity (the kill -9 test's parent) can check what another process (the child) saved. About a
 * third of the reports are large (20,000 to 80,000 cases) so that saves last long enough for a kill
 * to land inside a transaction.
 */
record DeterministicReport(String identity, int cases, int seed) {
  static final String[] SUITES = {"alpha", "beta", "gamma"};
  private static final TestResult[] RESULTS = TestResult.values();

  static DeterministicReport of(String identity) {
    int seed = identity.hashCode() & 0x7fffffff;
    int cases = seed % 3 == 0 ? 20_000 + seed % 60_000 : seed % 300;
    return new DeterministicReport(identity, cases, seed);
  }

  ReportMeta meta() {
    return new ReportMeta(
        "kill9",
        "tests",
        identity,
        "unit",
        "junit",
        "main",
        "c" + seed % 7,
        identity,
        Instant.ofEpochSecond(1_800_000_000L + seed % 100_000));
  }

  TestResult result(int i) {
    return RESULTS[(seed + 7 * i) % RESULTS.length];
  }

  TestCaseOutcome testCase(int i) {
    return new TestCaseOutcome(
        SUITES[i % SUITES.length],
        "pkg.Class" + i % 50,
        "test" + i,
        result(i),
        0.001 * (i % 1000),
        0);
  }

  Iterator<TestCaseOutcome> caseStream() {
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < cases;
      }

      @Override
      public TestCaseOutcome next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return testCase(next++);
      }
    };
  }

  TestReportSummary summary() {
    long[] n = new long[RESULTS.length];
    long[] perSuite = new long[SUITES.length];
    for (int i = 0; i < cases; i++) {
      n[result(i).ordinal()]++;
      perSuite[i % SUITES.length]++;
    }
    TestCounts counts = new TestCounts(n[0], n[1], n[2], n[3], n[4]);
    List<SuiteDuration> suites =
        List.of(
            new SuiteDuration(SUITES[0], perSuite[0] * 0.5, perSuite[0]),
            new SuiteDuration(SUITES[1], perSuite[1] * 0.5, perSuite[1]),
            new SuiteDuration(SUITES[2], perSuite[2] * 0.5, perSuite[2]));
    return new TestReportSummary(
        new TestAggregates(counts, cases, cases * 0.01 + seed % 100), suites);
  }
}
