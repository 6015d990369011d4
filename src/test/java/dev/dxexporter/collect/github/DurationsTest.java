package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dxexporter.collect.github.TimestampWarning.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  /** GitHub's /timing for the same run says run_duration_ms 241000. */
  @Test
  void runDurationMatchesGitHubsOwnTiming() throws Exception {
    WorkflowRun run = body("PyGithub/tests/ReplayData/WorkflowRun.setUp.txt", 1);
    JsonNode timing = json("PyGithub/tests/ReplayData/WorkflowRun.test_timing.txt", 0);
    Timing t = Durations.of(RunReducer.apply(null, run, NOW).state().latest());
    assertThat(t.ran()).isEqualTo(Duration.ofMillis(timing.path("run_duration_ms").asLong()));
    assertThat(t.queued()).isZero();
    assertThat(t.warnings()).isEmpty();
  }

  @Test
  void jobAndStepDurationsFromTheRecordedJobs() throws Exception {
    JsonNode page = json("PyGithub/tests/ReplayData/WorkflowRun.test_jobs.txt", 0);
    GitHubJson fields = new GitHubJson(Path.of("jobs"));
    for (JsonNode node : page.path("jobs")) {
      WorkflowJob job = RunReducer.apply(null, fields.job(node, "PyGithub/PyGithub"), NOW).state();
      Timing t = Durations.of(job);
      assertThat(t.queued()).isEqualTo(between(node, "created_at", "started_at"));
      assertThat(t.ran()).isEqualTo(between(node, "started_at", "completed_at"));
      for (int i = 0; i < job.steps().size(); i++) {
        assertThat(Durations.of(job, job.steps().get(i)).ran())
            .isEqualTo(between(node.path("steps").get(i), "started_at", "completed_at"));
      }
    }
  }

  /** For a re-run the run keeps the first attempt's created_at: no queue time then. */
  @Test
  void reRunsHaveNoRunQueueTime() throws Exception {
    WorkflowRun latest = body("PyGithub/tests/ReplayData/WorkflowRun.testGetAttempt.txt", 1);
    assertThat(latest.runAttempt()).isEqualTo(2);
    assertThat(Duration.between(latest.createdAt(), latest.runStartedAt()))
        .isGreaterThan(Duration.ofDays(4));
    Timing t = Durations.of(latest);
    assertThat(t.queued()).isNull();
    assertThat(t.ran()).isEqualTo(Duration.between(latest.runStartedAt(), latest.updatedAt()));

    // The attempt endpoint reports the attempt created two seconds after it started.
    WorkflowRun attempt = body("PyGithub/tests/ReplayData/WorkflowRun.testGetAttempt.txt", 2);
    Applied<WorkflowRunState> applied = RunReducer.apply(null, attempt, NOW);
    assertThat(applied.warnings())
        .singleElement()
        .extracting(TimestampWarning::problem)
        .isEqualTo(Problem.STARTED_BEFORE_CREATED);
  }

  @Test
  void unfinishedThingsHaveNoDuration() {
    WorkflowJob queued = Events.job("queued.payload.json");
    assertThat(Durations.of(queued)).isEqualTo(new Timing(null, null, List.of()));
    WorkflowJob running = Events.job("in_progress.payload.json");
    assertThat(Durations.of(running).queued()).isZero();
    assertThat(Durations.of(running).ran()).isNull();
    WorkflowRun requested = Events.run("requested.payload.json");
    assertThat(Durations.of(requested).ran()).isNull();
  }

  @Test
  void durationsOverThirtyFiveDaysAreClamped() {
    WorkflowRun run =
        Events.run("completed.payload.json", r -> r.put("updated_at", "2020-12-25T00:00:00Z"));
    Timing t = Durations.of(run);
    assertThat(t.ran()).isEqualTo(Durations.MAX);
    assertThat(t.warnings())
        .singleElement()
        .extracting(TimestampWarning::problem)
        .isEqualTo(Problem.DURATION_TOO_LONG);
  }

  @Test
  void withoutRunStartedAtTheRunRanFromCreation() throws Exception {
    JsonNode page = json("PyGithub/tests/ReplayData/Repository.testGetWorkflowRuns.txt", 1);
    JsonNode node = page.path("workflow_runs").get(0);
    assertThat(node.has("run_started_at")).isFalse();
    WorkflowRun run = new GitHubJson(Path.of("runs")).run(node, MissingNode.getInstance(), null);
    assertThat(run.runAttempt()).isEqualTo(1);
    assertThat(Durations.of(run).ran()).isEqualTo(between(node, "created_at", "updated_at"));
    assertThat(Durations.of(run).queued()).isNull();
  }

  private static Duration between(JsonNode node, String from, String to) {
    return Duration.between(
        Instant.parse(node.path(from).asText()), Instant.parse(node.path(to).asText()));
  }

  private static JsonNode json(String replayData, int exchange) {
    return GitHubFixtures.tree(Recordings.pyGithub(replayData).get(exchange).reply().body());
  }

  private static WorkflowRun body(String replayData, int exchange) throws Exception {
    return new GitHubJson(Path.of(replayData))
        .run(json(replayData, exchange), MissingNode.getInstance(), null);
  }
}
