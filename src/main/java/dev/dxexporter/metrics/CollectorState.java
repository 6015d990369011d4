package dev.dxexporter.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is known of one collector instance after its latest run: the samples of its last successful
 * run (kept when a later run fails) and how its runs went. Immutable; replaced whole on every run.
 */
public record CollectorState(
    CollectorId id,
    double intervalSeconds,
    List<Sample> samples,
    long runs,
    boolean lastRunSucceeded,
    double lastDurationSeconds,
    Optional<Instant> lastRun,
    Optional<Instant> lastSuccess,
    long errors,
    Optional<String> lastError,
    Optional<Instant> nextRun) {

  public CollectorState {
    samples = List.copyOf(samples);
  }

  /** A state whose schedule has promised nothing yet. */
  public CollectorState(
      CollectorId id,
      double intervalSeconds,
      List<Sample> samples,
      long runs,
      boolean lastRunSucceeded,
      double lastDurationSeconds,
      Optional<Instant> lastRun,
      Optional<Instant> lastSuccess,
      long errors,
      Optional<String> lastError) {
    this(
        id,
        intervalSeconds,
        samples,
        runs,
        lastRunSucceeded,
        lastDurationSeconds,
        lastRun,
        lastSuccess,
        errors,
        lastError,
        Optional.empty());
  }

  static CollectorState notYetRun(CollectorId id, double intervalSeconds) {
    return new CollectorState(
        id,
        intervalSeconds,
        List.of(),
        0,
        false,
        0,
        Optional.empty(),
        Optional.empty(),
        0,
        Optional.empty());
  }

  CollectorState withSamples(List<Sample> replaced) {
    return new CollectorState(
        id,
        intervalSeconds,
        replaced,
        runs,
        lastRunSucceeded,
        lastDurationSeconds,
        lastRun,
        lastSuccess,
        errors,
        lastError,
        nextRun);
  }

  CollectorState withInterval(double seconds) {
    return new CollectorState(
        id,
        seconds,
        samples,
        runs,
        lastRunSucceeded,
        lastDurationSeconds,
        lastRun,
        lastSuccess,
        errors,
        lastError,
        nextRun);
  }

  /**
   * After a run that ended {@code at}: the run {@code promise} is next due, and as period the gap
   * from that run to the one after it (for a cron schedule, the gap that applies then: a weekday
   * cron's last run on Friday promises Monday's first, with Monday's period).
   */
  CollectorState promising(RunPromise promise, Instant at) {
    Optional<Instant> next = promise.nextAfter(at);
    Optional<Instant> after = next.flatMap(promise::nextAfter);
    double period =
        after.isPresent()
            ? (after.get().toEpochMilli() - next.get().toEpochMilli()) / 1000.0
            : intervalSeconds;
    return new CollectorState(
        id,
        period,
        samples,
        runs,
        lastRunSucceeded,
        lastDurationSeconds,
        lastRun,
        lastSuccess,
        errors,
        lastError,
        next);
  }

  CollectorState succeeded(List<Sample> newSamples, double seconds, Instant at) {
    // Unchanged samples keep the held ones: the new copies then die young instead of replacing
    // long-lived ones, which at a thousand projects filled the old generation every schedule
    // period and cost a full collection (80 ms of stopped scrapes) each time.
    return new CollectorState(
        id,
        intervalSeconds,
        newSamples.equals(samples) ? samples : newSamples,
        runs + 1,
        true,
        seconds,
        Optional.of(at),
        Optional.of(at),
        errors,
        Optional.empty());
  }

  CollectorState failed(String error, double seconds, Instant at) {
    return new CollectorState(
        id,
        intervalSeconds,
        samples,
        runs + 1,
        false,
        seconds,
        Optional.of(at),
        lastSuccess,
        errors + 1,
        Optional.of(error));
  }
}
