package dev.dxexporter.collect.tests;

/**
 * The wall time of a test run and how it was obtained (see the table on {@link JUnitDialect}).
 *
 * @param seconds the wall time; 0 with {@link Source#NONE}
 */
public record WallTime(double seconds, Source source) {
  /** How a wall time was obtained, from the most to the least direct. */
  public enum Source {
    /** The writer's own total for the run: {@code <testsuites time>} or Node's duration_ms. */
    ROOT_TIME,
    /** max(start + time) − min(start) over suites (or files) that all carry a timestamp. */
    TIMESTAMP_SPAN,
    /** The longest of parallel parts (Go packages without timestamps): a lower bound. */
    PARALLEL_MAX,
    /** The sum of the top-level suites' (or files') times: exact when they ran one at a time. */
    SUITE_SUM,
    /** The sum of the case times: nothing else was given. */
    CASE_SUM,
    /** No time at all (no cases, or none with a time). */
    NONE
  }
}
