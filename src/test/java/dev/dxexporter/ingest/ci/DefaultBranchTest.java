package dev.dxexporter.ingest.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.github.RepositoryTarget;
import dev.dxexporter.collect.github.WebhookEvent;
import dev.dxexporter.collect.github.WebhookParser;
import dev.dxexporter.collect.github.WorkflowRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The branch label of a run: the configured {@code default_branch} wins, else the payload's {@code
 * repository.default_branch}, else {@code main}. The octokit example's repository has default
 * branch {@code master} and its run is on {@code master}.
 */
class DefaultBranchTest {
  private static final String PAYLOAD =
      "/github/octokit-webhooks/payload-examples/api.github.com/workflow_run/completed.payload.json";

  private static WorkflowRun payloadRun() throws Exception {
    byte[] body = Files.readAllBytes(Path.of(DefaultBranchTest.class.getResource(PAYLOAD).toURI()));
    var event =
        (WebhookEvent.WorkflowRunEvent)
            new WebhookParser().parse("workflow_run", body, Path.of("delivery"));
    return event.run();
  }

  private static String branchClass(WorkflowRun run, Optional<String> configured) {
    var repo =
        new CiSettings.Repository(
            RepositoryTarget.of(run.repository(), List.of(), null), configured);
    return new CiRecords("p", Instant.parse("2030-01-01T00:00:00Z")).run(run, repo).branchClass();
  }

  @Test
  void unconfiguredTakesThePayloadsDefaultBranch() throws Exception {
    WorkflowRun run = payloadRun();
    assertThat(run.headBranch()).isEqualTo("master");
    assertThat(run.defaultBranch()).isEqualTo("master");
    assertThat(branchClass(run, Optional.empty())).isEqualTo("default");
  }

  @Test
  void theRowKeepsThePayloadsHeadCommit() throws Exception {
    WorkflowRun run = payloadRun();
    var repo =
        new CiSettings.Repository(
            RepositoryTarget.of(run.repository(), List.of(), null), Optional.empty());
    assertThat(run.headSha()).hasSize(40);
    assertThat(new CiRecords("p", Instant.parse("2030-01-01T00:00:00Z")).run(run, repo).headSha())
        .isEqualTo(run.headSha());
  }

  @Test
  void configuredDefaultBranchWinsOverThePayload() throws Exception {
    WorkflowRun run = payloadRun();
    assertThat(branchClass(run, Optional.of("main"))).isEqualTo("other");
    assertThat(branchClass(run, Optional.of("master"))).isEqualTo("default");
  }

  @Test
  void withoutEitherTheFallbackIsMain() throws Exception {
    WorkflowRun run = payloadRun();
    WorkflowRun bare =
        new WorkflowRun(
            run.id(),
            run.runAttempt(),
            run.workflowId(),
            run.workflowName(),
            run.workflowPath(),
            run.repository(),
            run.headBranch(),
            run.headSha(),
            run.event(),
            run.status(),
            run.conclusion(),
            run.createdAt(),
            run.runStartedAt(),
            run.updatedAt(),
            run.htmlUrl(),
            null);
    assertThat(branchClass(bare, Optional.empty())).isEqualTo("other");
    assertThat(new CiSettings.Repository(null, Optional.empty()).defaultBranch(null))
        .isEqualTo(CiSettings.FALLBACK_DEFAULT_BRANCH);
  }
}
