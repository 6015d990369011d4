package dev.dxexporter.collect.github;

import java.time.Instant;

/**
 * One artifact of a run ({@code /actions/runs/{id}/artifacts}).
 *
 * @param sizeInBytes the zip's size as GitHub reports it, -1 when absent
 * @param archiveDownloadUrl the API URL that redirects to the zip in storage
 */
public record Artifact(
    long id,
    String name,
    long sizeInBytes,
    boolean expired,
    String archiveDownloadUrl,
    Instant createdAt,
    Instant expiresAt) {}
