package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Saves of reports under an identity, one write transaction each: nothing when the identity is
 * stored already, including when another process stored it since the check. Keeps the last store
 * time for {@code dx_store_*}.
 */
final class ReportSaves {
  interface Insert {
    void into(Connection c, Instant storedAt) throws SQLException;
  }

  /** Unwinds (and so rolls back) a save whose identity another process stored meanwhile. */
  private static final class SavedMeanwhile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SavedMeanwhile() {
      super(null, null, false, false);
    }
  }

  private final Connections connections;
  private final Clock clock;
  private final AtomicReference<Instant> lastWrite = new AtomicReference<>();

  ReportSaves(Connections connections, Clock clock) {
    this.connections = connections;
    this.clock = clock;
  }

  /** The last successful save, or the store's last write when it was opened; null: none yet. */
  Instant lastWrite() {
    return lastWrite.get();
  }

  void wrote(Instant at) {
    if (at != null) {
      lastWrite.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }
  }

  /**
   * One write transaction: DUPLICATE when {@code exists}, else {@code insert}; a unique violation
   * (another process stored the same identity since the check) rolls back and is a DUPLICATE too.
   */
  SaveOutcome saveNew(String action, Connections.Work<Boolean> exists, Insert insert) {
    Instant storedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    SaveOutcome outcome;
    try {
      outcome =
          connections.write(
              action,
              c -> {
                if (exists.run(c)) {
                  return SaveOutcome.DUPLICATE;
                }
                try {
                  insert.into(c, storedAt);
                } catch (SQLException e) {
                  if (connections.dialect().isUniqueViolation(e)) {
                    throw new SavedMeanwhile();
                  }
                  throw e;
                }
                return SaveOutcome.STORED;
              });
    } catch (SavedMeanwhile e) {
      return SaveOutcome.DUPLICATE;
    }
    if (outcome == SaveOutcome.STORED) {
      wrote(storedAt);
    }
    return outcome;
  }
}
