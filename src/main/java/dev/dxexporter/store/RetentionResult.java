package dev.dxexporter.store;

/** What one retention pass deleted. */
public record RetentionResult(long reportsDeleted, long caseRowsDeleted) {}
