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

  /** The default branch when neither the config nor the payload names one. */
  public static final String FALLBACK_DEFAULT_BRANCH = "main";

  /**
   * One repository.
   *
   * @param defaultBranch the configured default branch: runs of it are {@code branch="default"},
   *     all others {@code other}; empty to take the payload's {@code repository.default_branch}
   */
  public record Repository(RepositoryTarget target, java.util.Optional<String> defaultBranch) {
    /**
     * The configured default branch, else the payload's, else {@link #FALLBACK_DEFAULT_BRANCH}.
     *
     * @param fromPayload {@code repository.default_branch} of the payload, or null
     */
    public String defaultBranch(String fromPayload) {
      if (defaultBranch.isPresent()) {
        return defaultBranch.get();
      }
      return fromPayload == null || fromPayload.isEmpty() ? FALLBACK_DEFAULT_BRANCH : fromPayload;
    }
  }

  /** The configured repository of this {@code owner/name} (case-insensitive, as GitHub's). */
  public java.util.Optional<Repository> repository(String fullName) {
    return repositories.stream()
        .filter(r -> r.target().fullName().equalsIgnoreCase(fullName))
        .findFirst();
  }
}
