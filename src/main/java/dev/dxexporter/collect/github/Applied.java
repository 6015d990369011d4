package dev.dxexporter.collect.github;

import java.util.List;

/**
 * The result of applying one event to a known state.
 *
 * @param state the new state (the old one when nothing changed)
 * @param warnings impossible timestamps in the incoming event that were clamped; reported even for
 *     an event that changed nothing, so deduplicate deliveries before counting them
 */
public record Applied<T>(T state, Change change, List<TimestampWarning> warnings) {
  public Applied {
    warnings = List.copyOf(warnings);
  }

  /** What the event did. */
  public enum Change {
    /** Nothing was known before. */
    CREATED,
    /** The event is later than what was known and replaced it. */
    UPDATED,
    /** The event says what was already known (a duplicate delivery, or a repeated poll). */
    UNCHANGED,
    /** The event is older than what is known (arrived late) and was ignored. */
    STALE
  }

  public boolean changed() {
    return change == Change.CREATED || change == Change.UPDATED;
  }
}
