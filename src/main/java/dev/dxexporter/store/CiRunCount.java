package dev.dxexporter.store;

import java.time.Instant;

/**
 * Finished run attempts of one pipeline, branch class, result and attempt kind since the store
 * began; never decreases.
 *
 * @param attempt {@code first} or {@code rerun}
 * @param lastAt when the latest of them was applied
 */
public record CiRunCount(
    String pipeline,
    String branchClass,
    String result,
    String attempt,
    long runs,
    Instant lastAt) {}
