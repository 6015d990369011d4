package dev.dxexporter.store;

import java.time.Instant;

/**
 * A test case that was flaky in a window. {@code timesFlaky} counts the reports in which it had
 * result flaky plus the commits on which it both failed and passed across reports; {@code lastSeen}
 * and {@code lastCommit} are those of the latest such occurrence ({@code lastCommit} may be null).
 */
public record FlakyTest(
    String reportName,
    String suite,
    String className,
    String testName,
    long timesFlaky,
    Instant lastSeen,
    String lastCommit) {}
