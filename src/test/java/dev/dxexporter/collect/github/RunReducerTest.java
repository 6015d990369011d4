package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.github.Applied.Change;
import dev.dxexporter.collect.github.TimestampWarning.Problem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunReducerTest {
  static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

  @Test
  void aLateInProgressNeverOverwritesCompleted() {
    WorkflowRun requested = Events.run("requested.payload.json");
    WorkflowRun running =
        Events.run(
            "requested.payload.json",
            r -> r.put("status", "in_progress").put("updated_at", "2020-10-05T16:33:40Z"));
    WorkflowRun completed = Events.run("completed.payload.json");

    Applied<WorkflowRunState> first = RunReducer.apply(null, completed, NOW);
    assertThat(first.change()).isEqualTo(Change.CREATED);
    Applied<WorkflowRunState> late = RunReducer.apply(first.state(), running, NOW);
    assertThat(late.change()).isEqualTo(Change.STALE);
    assertThat(late.state()).isSameAs(first.state());
    assertThat(RunReducer.apply(late.state(), requested, NOW).change()).isEqualTo(Change.STALE);
    assertThat(late.state().latest().status()).isEqualTo("completed");
    assertThat(late.state().latest().conclusion()).isEqualTo("success");
  }

  @Test
  void theSameEventTwiceChangesNothing() {
    WorkflowRun completed = Events.run("completed.payload.json");
    Applied<WorkflowRunState> once = RunReducer.apply(null, completed, NOW);
    Applied<WorkflowRunState> twice = RunReducer.apply(once.state(), completed, NOW);
    assertThat(twice.change()).isEqualTo(Change.UNCHANGED);
    assertThat(twice.changed()).isFalse();
    assertThat(twice.state()).isEqualTo(once.state());

    WorkflowJob job = Events.job("completed.success.with-organization.payload.json");
    Applied<WorkflowJob> j1 = RunReducer.apply(null, job, NOW);
    assertThat(RunReducer.apply(j1.state(), job, NOW).change()).isEqualTo(Change.UNCHANGED);
  }

  @Test
  void jobsAdvanceQueuedInProgressCompleted() {
    WorkflowJob queued = Events.job("queued.payload.json");
    WorkflowJob running = Events.job("in_progress.payload.json");
    WorkflowJob done = Events.job("completed.success.with-organization.payload.json");
    assertThat(queued.id()).isEqualTo(running.id()).isEqualTo(done.id());
    WorkflowJob state = RunReducer.apply(null, queued, NOW).state();
    Applied<WorkflowJob> next = RunReducer.apply(state, running, NOW);
    assertThat(next.change()).isEqualTo(Change.UPDATED);
    next = RunReducer.apply(next.state(), done, NOW);
    assertThat(next.change()).isEqualTo(Change.UPDATED);
    assertThat(RunReducer.apply(next.state(), queued, NOW).change()).isEqualTo(Change.STALE);
    assertThat(RunReducer.apply(next.state(), running, NOW).change()).isEqualTo(Change.STALE);
    assertThat(next.state().conclusion()).isEqualTo("success");
  }

  @Test
  void waitingForApprovalComesBeforeQueued() {
    WorkflowJob waiting = Events.job("waiting.payload.json");
    WorkflowJob queued = Events.job("waiting.payload.json", j -> j.put("status", "queued"));
    WorkflowJob state = RunReducer.apply(null, queued, NOW).state();
    assertThat(RunReducer.apply(state, waiting, NOW).change()).isEqualTo(Change.STALE);
  }

  @Test
  void moreStepsDoneIsLaterWithinInProgress() {
    WorkflowJob early =
        Events.job(
            "in_progress.with-queued-steps.payload.json",
            j -> {
              var step = (com.fasterxml.jackson.databind.node.ObjectNode) j.path("steps").get(1);
              step.put("status", "in_progress").putNull("conclusion").putNull("completed_at");
            });
    WorkflowJob later = Events.job("in_progress.with-queued-steps.payload.json");
    WorkflowJob state = RunReducer.apply(null, later, NOW).state();
    assertThat(RunReducer.apply(state, early, NOW).change()).isEqualTo(Change.STALE);
    assertThat(RunReducer.apply(RunReducer.apply(null, early, NOW).state(), later, NOW).change())
        .isEqualTo(Change.UPDATED);
  }

  @Test
  void reRunsAreAttemptsOfOneRunAndTheLatestAttemptIsTheResult() {
    WorkflowRun failed = Events.run("completed.payload.json", r -> r.put("conclusion", "failure"));
    WorkflowRun rerunRequested =
        Events.run(
            "requested.payload.json",
            r ->
                r.put("run_attempt", 2)
                    .put("run_started_at", "2020-10-05T17:00:00Z")
                    .put("updated_at", "2020-10-05T17:00:00Z"));
    WorkflowRun rerunDone =
        Events.run(
            "completed.payload.json",
            r ->
                r.put("run_attempt", 2)
                    .put("run_started_at", "2020-10-05T17:00:00Z")
                    .put("updated_at", "2020-10-05T17:04:00Z"));

    WorkflowRunState state = RunReducer.apply(null, failed, NOW).state();
    Applied<WorkflowRunState> requested = RunReducer.apply(state, rerunRequested, NOW);
    assertThat(requested.change()).isEqualTo(Change.UPDATED);
    assertThat(requested.state().attempts()).hasSize(2);
    assertThat(requested.state().latest().status()).isEqualTo("queued");
    assertThat(requested.state().latest().conclusion()).isNull();
    Applied<WorkflowRunState> done = RunReducer.apply(requested.state(), rerunDone, NOW);
    assertThat(done.state().runId()).isEqualTo(failed.id());
    assertThat(done.state().latest().conclusion()).isEqualTo("success");
    assertThat(done.state().attempt(1).orElseThrow().conclusion()).isEqualTo("failure");
    // A late event of attempt 1 changes nothing; attempt 2 stays the result.
    Applied<WorkflowRunState> late =
        RunReducer.apply(done.state(), Events.run("requested.payload.json"), NOW);
    assertThat(late.change()).isEqualTo(Change.STALE);
    assertThat(late.state().latest().runAttempt()).isEqualTo(2);
    // Attempt 1 learned after attempt 2: kept beside it, the result stays attempt 2's.
    WorkflowRunState onlySecond = RunReducer.apply(null, rerunDone, NOW).state();
    Applied<WorkflowRunState> backfill = RunReducer.apply(onlySecond, failed, NOW);
    assertThat(backfill.change()).isEqualTo(Change.UPDATED);
    assertThat(backfill.state().attempts())
        .extracting(WorkflowRun::runAttempt)
        .containsExactly(1, 2);
    assertThat(backfill.state().latest()).isEqualTo(rerunDone);
  }

  @Test
  void withinARankTheLaterUpdateWins() {
    WorkflowRun waiting =
        Events.run(
            "requested.payload.json",
            r -> r.put("status", "waiting").put("updated_at", "2020-10-05T16:33:30Z"));
    WorkflowRun queued =
        Events.run("requested.payload.json", r -> r.put("updated_at", "2020-10-05T16:33:40Z"));
    WorkflowRunState a = RunReducer.apply(null, waiting, NOW).state();
    WorkflowRunState b = RunReducer.apply(null, queued, NOW).state();
    assertThat(RunReducer.apply(a, queued, NOW).state().latest().status()).isEqualTo("queued");
    assertThat(RunReducer.apply(b, waiting, NOW).change()).isEqualTo(Change.STALE);
  }

  @Test
  void actionRequiredIsNotFinal() {
    WorkflowRun awaiting = Events.run("requested.with-conclusion.payload.json");
    assertThat(awaiting.conclusion()).isEqualTo("action_required");
    WorkflowRun approved =
        Events.run(
            "requested.payload.json",
            r -> r.put("status", "in_progress").put("updated_at", "2020-10-05T16:40:00Z"));
    WorkflowRunState state = RunReducer.apply(null, awaiting, NOW).state();
    assertThat(RunReducer.apply(state, approved, NOW).change()).isEqualTo(Change.UPDATED);
  }

  @Test
  void impossibleTimestampsAreClampedAndReported() {
    WorkflowRun run =
        Events.run(
            "completed.payload.json",
            r ->
                r.put("created_at", "2007-12-31T23:59:59Z")
                    .put("run_started_at", "2020-10-05T16:33:49Z")
                    .put("updated_at", "2100-01-01T00:00:00Z"));
    Applied<WorkflowRunState> applied = RunReducer.apply(null, run, NOW);
    assertThat(applied.warnings())
        .extracting(TimestampWarning::field, TimestampWarning::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("created_at", Problem.BEFORE_2008),
            org.assertj.core.groups.Tuple.tuple("updated_at", Problem.IN_THE_FUTURE));
    assertThat(applied.state().latest().createdAt()).isNull();
    assertThat(applied.state().latest().updatedAt()).isNull();

    // GitHub's own example: a completed run "updated" before it started.
    Applied<WorkflowRunState> example =
        RunReducer.apply(null, Events.run("requested.with-conclusion.payload.json"), NOW);
    assertThat(example.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.problem()).isEqualTo(Problem.COMPLETED_BEFORE_STARTED);
              assertThat(w.replacement()).isEqualTo(Instant.parse("2020-10-05T16:33:49Z"));
            });
    assertThat(example.state().latest().updatedAt())
        .isEqualTo(Instant.parse("2020-10-05T16:33:49Z"));

    WorkflowJob job =
        Events.job(
            "completed.success.with-organization.payload.json",
            j ->
                j.put("started_at", "2021-08-05T10:30:00Z")
                    .put("completed_at", "2021-08-05T10:20:00Z"));
    Applied<WorkflowJob> clamped = RunReducer.apply(null, job, NOW);
    assertThat(clamped.warnings())
        .extracting(TimestampWarning::problem)
        .containsExactly(Problem.STARTED_BEFORE_CREATED, Problem.COMPLETED_BEFORE_STARTED);
    assertThat(clamped.state().startedAt()).isEqualTo(clamped.state().createdAt());
    assertThat(clamped.state().completedAt()).isEqualTo(clamped.state().createdAt());
    assertThat(Durations.of(clamped.state()).ran()).isZero();
  }

  @Test
  void aStateOfAnotherRunIsRefused() {
    WorkflowRunState state =
        RunReducer.apply(null, Events.run("completed.payload.json"), NOW).state();
    WorkflowRun other = Events.run("completed.payload.json", r -> r.put("id", 5));
    assertThatThrownBy(() -> RunReducer.apply(state, other, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
