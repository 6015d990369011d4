package dev.dxexporter.store;

import java.util.EnumMap;
import java.util.Map;

/** Test cases per result in one report; the five counts partition the report's cases. */
public record TestCounts(long passed, long failed, long errored, long skipped, long flaky) {
  public TestCounts {
    for (long n : new long[] {passed, failed, errored, skipped, flaky}) {
      if (n < 0) {
        throw new IllegalArgumentException("test counts must not be negative");
      }
    }
  }

  public long total() {
    return passed + failed + errored + skipped + flaky;
  }

  public long of(TestResult result) {
    return switch (result) {
      case PASSED -> passed;
      case FAILED -> failed;
      case ERRORED -> errored;
      case SKIPPED -> skipped;
      case FLAKY -> flaky;
    };
  }

  public Map<TestResult, Long> asMap() {
    Map<TestResult, Long> map = new EnumMap<>(TestResult.class);
    for (TestResult r : TestResult.values()) {
      map.put(r, of(r));
    }
    return map;
  }
}
