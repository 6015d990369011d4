package dev.dxexporter.store;

import java.time.Instant;

/** One step of a stored CI job. */
public record CiStep(
    int number,
    String name,
    String status,
    String conclusion,
    Instant startedAt,
    Instant completedAt) {}
