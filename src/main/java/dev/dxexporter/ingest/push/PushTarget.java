package dev.dxexporter.ingest.push;

/**
 * What a push may deliver to a project: which kinds of report it collects (a project without a
 * {@code tests:} section does not take test reports: they would be stored and never shown), their
 * size caps, and how to ask its collectors to show the new report soon.
 */
public record PushTarget(
    String project,
    boolean tests,
    boolean coverage,
    long maxTestReportBytes,
    long maxCoverageReportBytes,
    Runnable refreshTests,
    Runnable refreshCoverage) {}
