package dev.dxexporter.collect.github;

import java.time.Duration;
import java.util.List;

/**
 * Queue time and run time of a run attempt, a job or a step; null when not known (yet).
 *
 * @param warnings durations over {@link Durations#MAX} that were clamped to it
 */
public record Timing(Duration queued, Duration ran, List<TimestampWarning> warnings) {
  public Timing {
    warnings = List.copyOf(warnings);
  }
}
