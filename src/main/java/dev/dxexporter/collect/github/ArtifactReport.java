package dev.dxexporter.collect.github;

import java.util.List;

/**
 * What {@link ArtifactFetcher#fetch} did with one run's artifacts.
 *
 * @param read artifacts streamed to the consumer, with what was read of each
 * @param skipped matching artifacts not read (expired, too large, a bad zip), with why
 * @param problem why the fetch stopped early (budget, rate limit, credentials), or null
 */
public record ArtifactReport(List<Read> read, List<Skipped> skipped, ApiException problem) {
  public ArtifactReport {
    read = List.copyOf(read);
    skipped = List.copyOf(skipped);
  }

  public record Read(Artifact artifact, ArtifactReader.Summary summary) {}

  public record Skipped(Artifact artifact, String reason) {}
}
