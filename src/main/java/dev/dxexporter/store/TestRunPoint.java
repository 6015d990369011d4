package dev.dxexporter.store;

import java.time.Instant;

/** One test report in a history: when it arrived, its wall time and its passed/failed counts. */
public record TestRunPoint(Instant receivedAt, double wallSeconds, long passed, long failed) {}
