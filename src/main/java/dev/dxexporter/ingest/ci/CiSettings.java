package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.github.RepositoryTarget;
import java.time.Duration;
import java.util.List;

/**
 * One project's GitHub Actions settings, as the ingest side needs them.
 *
 * @param successWindow {@code dx_ci_success_ratio} and its run counts look this far back
 * @param ttl series of pipelines, jobs and steps with nothing new for this long leave /metrics
 * @param steps glob patterns (case-insensitive) of the step names timed in {@code
 *     dx_ci_step_duration_seconds}
 * @param artifacts glob patterns of artifact names downloaded and ingested
 */
public record CiSettings(
    List<Repository> repositories,
    Duration successWindow,
    Duration ttl,
    List<String> steps,
    List<String> artifacts) {

  /**
   * The default cache steps: {@code actions/cache}, {@code Swatinem/rust-cache} (their names hold
   * "cache"), {@code actions/setup-*} (which restore caches) and "Install ..." steps.
   */
  public static final List<String> DEFAULT_STEPS = List.of("*cache*", "*setup-*", "Install *");

  public CiSettings {
    repositories = List.copyOf(repositories);
    steps = List.copyOf(steps);
    artifacts = List.copyOf(artifacts);
  }

  /**
   * One repository.
   *
   * @param defaultBranch runs of this branch are {@code branch="default"}, all others {@code other}
   */
  public record Repository(RepositoryTarget target, String defaultBranch) {}

  /** The configured repository of this {@code owner/name} (case-insensitive, as GitHub's). */
  public java.util.Optional<Repository> repository(String fullName) {
    return repositories.stream()
        .filter(r -> r.target().fullName().equalsIgnoreCase(fullName))
        .findFirst();
  }
}
