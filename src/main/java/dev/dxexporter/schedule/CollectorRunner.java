package dev.dxexporter.schedule;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.FailedRunException;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SnapshotRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one collector once and records the outcome under its owner. Whatever the collector does —
 * throw, run out of stack or heap — ends here as a failed run with its message; it never reaches
 * the scheduler, another collector or a scrape. A run that ends because it was interrupted (its
 * collector was removed or replaced by a reload, or the daemon stops) is a cancellation, not a
 * failure: nothing is recorded, and the interrupt flag is kept.
 */
public final class CollectorRunner {
  private static final Logger log = LoggerFactory.getLogger(CollectorRunner.class);
  private final CollectorId id;
  private final Object owner;
  private final Collector collector;
  private final SnapshotRegistry registry;
  private final Clock clock;

  /** {@code owner}: the identity under which the registry accepts this collector's results. */
  public CollectorRunner(
      CollectorId id, Object owner, Collector collector, SnapshotRegistry registry, Clock clock) {
    this.id = id;
    this.owner = owner;
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
      if (Thread.currentThread().isInterrupted()) {
        log.debug("collector {} finished after it was cancelled; result dropped", id);
        return;
      }
      registry.recordSuccess(id, owner, samples, seconds, clock.instant());
      log.debug("collector {} succeeded in {}s with {} samples", id, seconds, samples.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.debug("collector {} cancelled", id);
    } catch (FailedRunException e) {
      if (Thread.currentThread().isInterrupted()) {
        log.debug("collector {} failed after it was cancelled: {}", id, describe(e));
        return;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      registry.recordFailure(id, owner, describe(e), e.samples(), seconds, clock.instant());
      log.warn("collector {} failed: {}", id, describe(e));
    } catch (Exception | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
      // AssertionError: parsers such as tomlj assert on hostile input; OOM: a huge input may
      // exhaust
      // the heap for this run only. Both are failures of this run, not of the daemon.
      if (Thread.currentThread().isInterrupted()) {
        log.debug("collector {} failed after it was cancelled: {}", id, describe(e));
        return;
      }
      fail(start, describe(e), e);
    }
  }

  private void fail(long start, String message, Throwable cause) {
    double seconds = (System.nanoTime() - start) / 1e9;
    registry.recordFailure(id, owner, message, seconds, clock.instant());
    if (log.isDebugEnabled()) {
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
