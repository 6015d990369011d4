package dev.dxexporter.store;

import java.time.Instant;
import java.util.Optional;

/** A stored build run with where it came from. */
public record StoredBuild(
    BuildRun run,
    Optional<String> branch,
    Optional<String> commit,
    Optional<String> runId,
    Instant received) {}
