package dev.dxexporter.collect.github;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for the exporter's self-metrics about its GitHub API use. */
public final class ApiStats {
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final LongAdder networkErrors = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder throttledNanos = new LongAdder();
  private final LongAdder backoffNanos = new LongAdder();

  /**
   * @param requestsByStatus responses by HTTP status (304s cost no quota)
   * @param networkErrors requests that got no response (connect or read failure, timeout)
   * @param refusedLocally requests not sent: budget empty, quota blocked, credentials rejected
   * @param throttledSeconds time spent waiting for rate limits to pass
   * @param backoffSeconds time spent waiting before retrying server errors
   */
  public record Snapshot(
      Map<Integer, Long> requestsByStatus,
      long networkErrors,
      long refusedLocally,
      double throttledSeconds,
      double backoffSeconds) {}

  void response(int status) {
    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  void networkError() {
    networkErrors.increment();
  }

  void refused() {
    refused.increment();
  }

  void throttled(Duration d) {
    throttledNanos.add(d.toNanos());
  }

  void backoff(Duration d) {
    backoffNanos.add(d.toNanos());
  }

  public Snapshot snapshot() {
    Map<Integer, Long> counts = new TreeMap<>();
    byStatus.forEach((status, n) -> counts.put(status, n.sum()));
    return new Snapshot(
        Map.copyOf(counts),
        networkErrors.sum(),
        refused.sum(),
        throttledNanos.sum() / 1e9,
        backoffNanos.sum() / 1e9);
  }
}
