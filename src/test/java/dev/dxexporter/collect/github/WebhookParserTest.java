package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each payload example parsed, field by field against the JSON read as a plain tree. */
class WebhookParserTest {
  private static final Path SOURCE = Path.of("test-delivery");
  private static final String PAYLOADS_RUN = GitHubFixtures.PAYLOADS + "workflow_run/";
  private final WebhookParser parser = new WebhookParser();

  static List<String> runPayloads() {
    return GitHubFixtures.payloads("workflow_run");
  }

  static List<String> jobPayloads() {
    return GitHubFixtures.payloads("workflow_job");
  }

  @ParameterizedTest
  @MethodSource("runPayloads")
  void workflowRunPayloads(String payload) throws Exception {
    byte[] body = GitHubFixtures.bytes(payload);
    JsonNode json = GitHubFixtures.tree(body);
    JsonNode run = json.path("workflow_run");
    var event = (WebhookEvent.WorkflowRunEvent) parser.parse("workflow_run", body, SOURCE);
    WorkflowRun parsed = event.run();
    assertThat(event.action()).isEqualTo(json.path("action").asText());
    assertThat(parsed.id()).isEqualTo(run.path("id").asLong());
    assertThat(parsed.runAttempt()).isEqualTo(run.path("run_attempt").asInt());
    assertThat(parsed.workflowId()).isEqualTo(run.path("workflow_id").asLong());
    // The examples' run name is empty; the workflow object names it.
    assertThat(parsed.workflowName()).isEqualTo(json.path("workflow").path("name").asText());
    assertThat(parsed.workflowPath()).isEqualTo(json.path("workflow").path("path").asText());
    assertThat(parsed.repository()).isEqualTo(json.path("repository").path("full_name").asText());
    assertThat(parsed.headBranch()).isEqualTo(run.path("head_branch").asText());
    assertThat(parsed.headSha()).isEqualTo(run.path("head_sha").asText());
    assertThat(parsed.event()).isEqualTo(run.path("event").asText());
    assertThat(parsed.status()).isEqualTo(run.path("status").asText());
    assertThat(parsed.conclusion()).isEqualTo(run.path("conclusion").textValue());
    assertThat(parsed.createdAt()).isEqualTo(instant(run, "created_at"));
    assertThat(parsed.runStartedAt()).isEqualTo(instant(run, "run_started_at"));
    assertThat(parsed.updatedAt()).isEqualTo(instant(run, "updated_at"));
    assertThat(parsed.htmlUrl()).isEqualTo(run.path("html_url").asText());
    // The run's own repository object is the short form; the payload's names the default branch.
    assertThat(parsed.defaultBranch())
        .isNotNull()
        .isEqualTo(json.path("repository").path("default_branch").asText());
  }

  @Test
  void polledRunTakesItsOwnRepositorysDefaultBranch() throws Exception {
    JsonNode payload =
        GitHubFixtures.tree(GitHubFixtures.bytes(PAYLOADS_RUN + "completed.payload.json"));
    // A run object whose repository is the full form, as the REST API may send it.
    var run = (com.fasterxml.jackson.databind.node.ObjectNode) payload.path("workflow_run");
    run.set("repository", payload.path("repository"));
    GitHubJson fields = new GitHubJson(SOURCE);
    assertThat(fields.run(run, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), null))
        .extracting(WorkflowRun::defaultBranch)
        .isEqualTo(payload.path("repository").path("default_branch").asText());
    run.remove("repository");
    assertThat(
            fields
                .run(run, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), "o/r")
                .defaultBranch())
        .isNull();
  }

  @ParameterizedTest
  @MethodSource("jobPayloads")
  void workflowJobPayloads(String payload) throws Exception {
    byte[] body = GitHubFixtures.bytes(payload);
    JsonNode json = GitHubFixtures.tree(body);
    JsonNode job = json.path("workflow_job");
    var event = (WebhookEvent.WorkflowJobEvent) parser.parse("workflow_job", body, SOURCE);
    WorkflowJob parsed = event.job();
    assertThat(event.action()).isEqualTo(json.path("action").asText());
    assertThat(parsed.id()).isEqualTo(job.path("id").asLong());
    assertThat(parsed.runId()).isEqualTo(job.path("run_id").asLong());
    assertThat(parsed.runAttempt()).isEqualTo(job.path("run_attempt").asInt());
    assertThat(parsed.name()).isEqualTo(job.path("name").asText());
    assertThat(parsed.repository()).isEqualTo(json.path("repository").path("full_name").asText());
    assertThat(parsed.status()).isEqualTo(job.path("status").asText());
    assertThat(parsed.conclusion()).isEqualTo(job.path("conclusion").textValue());
    assertThat(parsed.createdAt()).isEqualTo(instant(job, "created_at"));
    assertThat(parsed.startedAt()).isEqualTo(instant(job, "started_at"));
    assertThat(parsed.completedAt()).isEqualTo(instant(job, "completed_at"));
    assertThat(parsed.runnerName()).isEqualTo(job.path("runner_name").textValue());
    assertThat(parsed.htmlUrl()).isEqualTo(job.path("html_url").asText());
    List<String> labels = new ArrayList<>();
    job.path("labels").forEach(l -> labels.add(l.asText()));
    assertThat(parsed.labels()).isEqualTo(labels);
    assertThat(parsed.steps()).hasSize(job.path("steps").size());
    for (int i = 0; i < parsed.steps().size(); i++) {
      JsonNode step = job.path("steps").get(i);
      WorkflowStep s = parsed.steps().get(i);
      assertThat(s.name()).isEqualTo(step.path("name").asText());
      assertThat(s.number()).isEqualTo(step.path("number").asInt());
      assertThat(s.status()).isEqualTo(step.path("status").asText());
      assertThat(s.conclusion()).isEqualTo(step.path("conclusion").textValue());
      assertThat(s.startedAt()).isEqualTo(instant(step, "started_at"));
      assertThat(s.completedAt()).isEqualTo(instant(step, "completed_at"));
    }
  }

  @Test
  void queuedStepsHaveNoTimes() throws Exception {
    var event =
        (WebhookEvent.WorkflowJobEvent)
            parser.parse(
                "workflow_job",
                GitHubFixtures.bytes(
                    GitHubFixtures.PAYLOADS
                        + "workflow_job/in_progress.with-queued-steps.payload.json"),
                SOURCE);
    List<WorkflowStep> queued =
        event.job().steps().stream().filter(s -> "queued".equals(s.status())).toList();
    assertThat(queued).hasSize(6).allMatch(s -> s.startedAt() == null && s.completedAt() == null);
  }

  @Test
  void pingIsRecognised() throws Exception {
    byte[] body =
        "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":12345678,\"hook\":{\"type\":\"Repository\"}}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse("ping", body, SOURCE))
        .isEqualTo(new WebhookEvent.Ping(12345678, "Keep it logically awesome."));
  }

  @Test
  void otherEventsAreNotParsed() throws Exception {
    byte[] body =
        GitHubFixtures.bytes(GitHubFixtures.PAYLOADS + "check_run/completed.payload.json");
    assertThat(parser.parse("check_run", body, SOURCE))
        .isEqualTo(new WebhookEvent.Other("check_run"));
    assertThat(parser.parse("push", "not even json".getBytes(StandardCharsets.UTF_8), SOURCE))
        .isEqualTo(new WebhookEvent.Other("push"));
  }

  @Test
  void malformedJsonIsLocated() {
    byte[] body =
        "{\n  \"action\": \"completed\",\n  \"workflow_run\": {\"id\": 1,,}\n}"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse("workflow_run", body, SOURCE))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.file()).isEqualTo(SOURCE);
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isPositive();
            });
  }

  @Test
  void wrongTypesAndMissingObjectsAreErrors() {
    assertThatThrownBy(() -> parse("workflow_run", "{\"workflow_run\":{\"id\":\"12\"}}"))
        .hasMessageContaining("id: expected an integer");
    assertThatThrownBy(() -> parse("workflow_run", "{\"workflow_run\":{\"id\":0}}"))
        .hasMessageContaining("id must be positive");
    assertThatThrownBy(() -> parse("workflow_run", "{\"action\":\"completed\"}"))
        .hasMessageContaining("missing workflow_run object");
    assertThatThrownBy(
            () ->
                parse("workflow_run", "{\"workflow_run\":{\"id\":1,\"created_at\":\"yesterday\"}}"))
        .hasMessageContaining("created_at: not an ISO 8601 timestamp");
    assertThatThrownBy(
            () ->
                parse("workflow_job", "{\"workflow_job\":{\"id\":1,\"run_id\":2,\"labels\":[1]}}"))
        .hasMessageContaining("labels[]: expected a string");
    assertThatThrownBy(() -> parse("workflow_job", "[]")).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> parse(null, "{}")).hasMessageContaining("missing X-GitHub-Event");
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "{\"workflow_run\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThatThrownBy(() -> parse("workflow_run", deep)).isInstanceOf(InputException.class);
  }

  @Test
  void payloadLargerThanTheLimitIsRefused() {
    WebhookParser small = new WebhookParser(100);
    byte[] body =
        GitHubFixtures.bytes(GitHubFixtures.PAYLOADS + "workflow_run/completed.payload.json");
    assertThatThrownBy(() -> small.parse("workflow_run", body, SOURCE))
        .isInstanceOf(InputException.class);
  }

  private WebhookEvent parse(String event, String body) throws InputException {
    return parser.parse(event, body.getBytes(StandardCharsets.UTF_8), SOURCE);
  }

  private static Instant instant(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Instant.parse(value.asText()) : null;
  }
}
