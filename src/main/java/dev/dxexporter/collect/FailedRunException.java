package dev.dxexporter.collect;

import dev.dxexporter.metrics.Sample;
import java.util.List;

/**
 * A run that failed but still knows something true to export: the daemon marks the collector failed
 * (as for any exception) and, instead of keeping the last good samples unchanged, replaces them
 * with {@link #samples()}. The dependency collector uses it so that a project whose only manifest
 * is malformed exports {@code dx_dependencies_read_success 0}, not the last run's 1.
 */
public final class FailedRunException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Sample> samples;

  public FailedRunException(String message, List<Sample> samples) {
    super(message);
    this.samples = List.copyOf(samples);
  }

  /** The samples to export in place of the last good run's. */
  public List<Sample> samples() {
    return samples;
  }
}
