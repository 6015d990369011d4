package dev.dxexporter.schedule;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SnapshotRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one collector once and records the outcome. Whatever the collector does — throw, hang until
 * interrupted, run out of stack — ends here as a failed run with its message; it never reaches the
 * scheduler, another collector or a scrape.
 */
public final class CollectorRunner {
  private static final Logger log = LoggerFactory.getLogger(CollectorRunner.class);
  private final CollectorId id;
  private final Collector collector;
  private final SnapshotRegistry registry;
  private final Clock clock;

  public CollectorRunner(
      CollectorId id, Collector collector, SnapshotRegistry registry, Clock clock) {
    this.id = id;
    this.collector = collector;
    this.registry = registry;
    this.clock = clock;
  }

  public CollectorId id() {
    return id;
  }

  public void runOnce() {
    long start = System.nanoTime();
    try {
      List<Sample> samples = collector.collect();
      double seconds = (System.nanoTime() - start) / 1e9;
      registry.recordSuccess(id, samples, seconds, clock.instant());
      log.debug("collector {} succeeded in {}s with {} samples", id, seconds, samples.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(start, "interrupted (shutting down)", null);
    } catch (Exception | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
      // AssertionError: parsers such as tomlj assert on hostile input; OOM: a huge input may
      // exhaust
      // the heap for this run only. Both are failures of this run, not of the daemon.
      fail(start, describe(e), e);
    }
  }

  private void fail(long start, String message, Throwable cause) {
    double seconds = (System.nanoTime() - start) / 1e9;
    registry.recordFailure(id, message, seconds, clock.instant());
    if (cause != null && log.isDebugEnabled()) {
      log.warn("collector {} failed: {}", id, message, cause);
    } else {
      log.warn("collector {} failed: {}", id, message);
    }
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    // An Error's message alone ("Java heap space") does not say what happened; an exception's does.
    return e instanceof Error ? e.getClass().getSimpleName() + ": " + message : message;
  }
}
