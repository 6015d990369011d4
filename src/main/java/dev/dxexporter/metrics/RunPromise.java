package dev.dxexporter.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * When a collector's schedule promises its next run after a given instant. A cron schedule's gaps
 * are uneven (office hours, weekdays), so staleness is judged against this promise, not against one
 * period.
 */
@FunctionalInterface
public interface RunPromise {
  /** A collector run by hand or once (no schedule): it promises nothing. */
  RunPromise NONE = after -> Optional.empty();

  /** The first scheduled fire strictly after {@code after}; empty when none will come. */
  Optional<Instant> nextAfter(Instant after);
}
