package dev.dxexporter.store;

/** A stored cargo timings report with where it came from. */
public record StoredTimings(ReportMeta meta, BuildTimings timings) {}
