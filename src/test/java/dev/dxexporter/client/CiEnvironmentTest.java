package dev.dxexporter.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each CI's documented variables, as its runners set them. */
class CiEnvironmentTest {
  @Test
  void githubActionsPushAndPullRequest() {
    Map<String, String> push =
        Map.of(
            "GITHUB_ACTIONS", "true",
            "GITHUB_REF_NAME", "main",
            "GITHUB_HEAD_REF", "",
            "GITHUB_SHA", "ffac537e6cbbf934b08745a378932722df287a53",
            "GITHUB_RUN_ID", "1658821493",
            "GITHUB_RUN_ATTEMPT", "3");
    assertThat(CiEnvironment.detect(push))
        .isEqualTo(
            new CiEnvironment(
                "github",
                Optional.of("main"),
                Optional.of("ffac537e6cbbf934b08745a378932722df287a53"),
                Optional.of("1658821493-3")));
    // On pull_request, GITHUB_REF_NAME is "<pr>/merge"; the branch is GITHUB_HEAD_REF.
    Map<String, String> pr =
        Map.of(
            "GITHUB_ACTIONS", "true",
            "GITHUB_REF_NAME", "42/merge",
            "GITHUB_HEAD_REF", "feature/x",
            "GITHUB_RUN_ID", "7");
    CiEnvironment ci = CiEnvironment.detect(pr);
    assertThat(ci.branch()).contains("feature/x");
    assertThat(ci.run()).contains("7");
    assertThat(ci.commit()).isEmpty();
  }

  @Test
  void gitlabPrefersTheMergeRequestSourceBranch() {
    Map<String, String> env =
        Map.of(
            "GITLAB_CI", "true",
            "CI_COMMIT_REF_NAME", "main",
            "CI_COMMIT_SHA", "abc",
            "CI_PIPELINE_ID", "555");
    assertThat(CiEnvironment.detect(env))
        .isEqualTo(
            new CiEnvironment(
                "gitlab", Optional.of("main"), Optional.of("abc"), Optional.of("555")));
    Map<String, String> mr =
        Map.of(
            "GITLAB_CI", "true",
            "CI_COMMIT_REF_NAME", "refs/merge-requests/9/head",
            "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "fix-it");
    assertThat(CiEnvironment.detect(mr).branch()).contains("fix-it");
  }

  @Test
  void jenkinsMultibranchAndFreestyle() {
    Map<String, String> multibranch =
        Map.of(
            "JENKINS_URL", "https://ci.example/",
            "BRANCH_NAME", "release-1",
            "GIT_BRANCH", "origin/release-1",
            "GIT_COMMIT", "def",
            "BUILD_TAG", "jenkins-app-release-1-12");
    assertThat(CiEnvironment.detect(multibranch))
        .isEqualTo(
            new CiEnvironment(
                "jenkins",
                Optional.of("release-1"),
                Optional.of("def"),
                Optional.of("jenkins-app-release-1-12")));
    Map<String, String> freestyle =
        Map.of("JENKINS_URL", "https://ci.example/", "GIT_BRANCH", "origin/feature/y");
    assertThat(CiEnvironment.detect(freestyle).branch()).contains("feature/y");
    Map<String, String> pullRequest =
        Map.of("JENKINS_URL", "https://ci.example/", "BRANCH_NAME", "PR-5", "CHANGE_BRANCH", "z");
    assertThat(CiEnvironment.detect(pullRequest).branch()).contains("z");
  }

  @Test
  void buildkite() {
    Map<String, String> env =
        Map.of(
            "BUILDKITE", "true",
            "BUILDKITE_BRANCH", "main",
            "BUILDKITE_COMMIT", "0123",
            "BUILDKITE_BUILD_ID", "4735ba57-80d0-46e2-8fa0-b28223a86586");
    assertThat(CiEnvironment.detect(env))
        .isEqualTo(
            new CiEnvironment(
                "buildkite",
                Optional.of("main"),
                Optional.of("0123"),
                Optional.of("4735ba57-80d0-46e2-8fa0-b28223a86586")));
  }

  @Test
  void outsideCiNothingIsKnown() {
    assertThat(CiEnvironment.detect(Map.of("HOME", "/root", "CI", "true")).provider())
        .isEqualTo("none");
    assertThat(CiEnvironment.detect(Map.of("GITHUB_ACTIONS", "false")).branch()).isEmpty();
  }
}
