package dev.dxexporter.client;

import java.util.Map;
import java.util.Optional;

/**
 * Branch, commit and run of the CI job this runs in, read from the CI's documented environment
 * variables, so that the one line a job adds needs no flags for them.
 *
 * <ul>
 *   <li>GitHub Actions ({@code GITHUB_ACTIONS=true}): {@code GITHUB_HEAD_REF} on pull requests,
 *       else {@code GITHUB_REF_NAME}; {@code GITHUB_SHA}; {@code GITHUB_RUN_ID} and {@code
 *       GITHUB_RUN_ATTEMPT} (a re-run is another run: its results may differ).
 *   <li>GitLab CI ({@code GITLAB_CI=true}): {@code CI_MERGE_REQUEST_SOURCE_BRANCH_NAME}, else
 *       {@code CI_COMMIT_REF_NAME}; {@code CI_COMMIT_SHA}; {@code CI_PIPELINE_ID}.
 *   <li>Jenkins ({@code JENKINS_URL} set): {@code CHANGE_BRANCH} (pull requests of a multibranch
 *       job), {@code BRANCH_NAME}, else {@code GIT_BRANCH} without its remote; {@code GIT_COMMIT};
 *       {@code BUILD_TAG} (job name and build number, unique on the controller).
 *   <li>Buildkite ({@code BUILDKITE=true}): {@code BUILDKITE_BRANCH}; {@code BUILDKITE_COMMIT};
 *       {@code BUILDKITE_BUILD_ID}.
 * </ul>
 *
 * @param provider {@code github}, {@code gitlab}, {@code jenkins}, {@code buildkite} or {@code
 *     none}
 */
public record CiEnvironment(
    String provider, Optional<String> branch, Optional<String> commit, Optional<String> run) {

  /** The CI named by {@code env}, or {@code none} with nothing known. */
  public static CiEnvironment detect(Map<String, String> env) {
    if ("true".equals(env.get("GITHUB_ACTIONS"))) {
      Optional<String> run = value(env, "GITHUB_RUN_ID");
      Optional<String> attempt = value(env, "GITHUB_RUN_ATTEMPT");
      return new CiEnvironment(
          "github",
          value(env, "GITHUB_HEAD_REF").or(() -> value(env, "GITHUB_REF_NAME")),
          value(env, "GITHUB_SHA"),
          run.map(r -> attempt.map(a -> r + "-" + a).orElse(r)));
    }
    if ("true".equals(env.get("GITLAB_CI"))) {
      return new CiEnvironment(
          "gitlab",
          value(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME")
              .or(() -> value(env, "CI_COMMIT_REF_NAME")),
          value(env, "CI_COMMIT_SHA"),
          value(env, "CI_PIPELINE_ID"));
    }
    if (value(env, "JENKINS_URL").isPresent()) {
      return new CiEnvironment(
          "jenkins",
          value(env, "CHANGE_BRANCH")
              .or(() -> value(env, "BRANCH_NAME"))
              .or(() -> value(env, "GIT_BRANCH").map(CiEnvironment::withoutRemote)),
          value(env, "GIT_COMMIT"),
          value(env, "BUILD_TAG"));
    }
    if ("true".equals(env.get("BUILDKITE"))) {
      return new CiEnvironment(
          "buildkite",
          value(env, "BUILDKITE_BRANCH"),
          value(env, "BUILDKITE_COMMIT"),
          value(env, "BUILDKITE_BUILD_ID"));
    }
    return new CiEnvironment("none", Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** {@code origin/main} → {@code main}: the Git plugin's GIT_BRANCH names the remote. */
  private static String withoutRemote(String branch) {
    int slash = branch.indexOf('/');
    return branch.startsWith("origin/") || branch.startsWith("upstream/")
        ? branch.substring(slash + 1)
        : branch;
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
