package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: the events of a run (run requested/in_progress/completed, jobs queued/in_progress/
 * completed, and a re-run), delivered in any order and with duplicates, end in the state the right
 * order gives. Seeded shuffles, many seeds.
 */
class ShuffledEventsTest {
  private static final Instant NOW = RunReducerTest.NOW;

  /** Either a run or a job event. */
  private record Event(WorkflowRun run, WorkflowJob job) {}

  /** The state the reducer folds into: runs and jobs by id. */
  private record State(Map<Long, WorkflowRunState> runs, Map<Long, WorkflowJob> jobs) {}

  /** In the order GitHub sends them. */
  static List<Event> inOrder() {
    List<Event> events = new ArrayList<>();
    events.add(run(Events.run("requested.payload.json")));
    events.add(job(Events.job("queued.payload.json")));
    events.add(
        run(
            Events.run(
                "requested.payload.json",
                r -> r.put("status", "in_progress").put("updated_at", "2020-10-05T16:33:50Z"))));
    events.add(job(Events.job("in_progress.payload.json")));
    events.add(
        job(Events.job("in_progress.with-queued-steps.payload.json", ShuffledEventsTest::earlier)));
    events.add(job(Events.job("in_progress.with-queued-steps.payload.json")));
    events.add(job(Events.job("completed.failure.with-organization.payload.json")));
    events.add(run(Events.run("completed.payload.json", r -> r.put("conclusion", "failure"))));
    // The re-run: attempt 2, with a new job id.
    events.add(run(Events.run("requested.payload.json", ShuffledEventsTest::secondAttempt)));
    events.add(job(Events.job("queued.payload.json", ShuffledEventsTest::secondAttemptJob)));
    events.add(
        job(
            Events.job(
                "completed.success.with-organization.payload.json",
                ShuffledEventsTest::secondAttemptJob)));
    events.add(
        run(
            Events.run(
                "completed.payload.json",
                r -> {
                  secondAttempt(r);
                  r.put("updated_at", "2020-10-05T17:05:00Z");
                })));
    return events;
  }

  @Test
  void theRightOrderEndsWhereGitHubDid() {
    State state = fold(inOrder());
    WorkflowRunState run = state.runs().get(289782451L);
    assertThat(run.attempts())
        .extracting(WorkflowRun::conclusion)
        .containsExactly("failure", "success");
    assertThat(run.latest().runAttempt()).isEqualTo(2);
    assertThat(state.jobs().get(289782451L).conclusion()).isEqualTo("failure");
    assertThat(state.jobs().get(289782452L).conclusion()).isEqualTo("success");
    assertThat(state.jobs().get(14541957942L).steps())
        .filteredOn(WorkflowStep::completed)
        .hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
  void anyOrderWithDuplicatesEndsTheSame(int block) {
    List<Event> events = inOrder();
    State expected = fold(events);
    for (long seed = block * 100L; seed < block * 100L + 100; seed++) {
      Random random = new Random(seed);
      List<Event> delivered = new ArrayList<>();
      for (Event e : events) {
        int copies = 1 + random.nextInt(3);
        for (int i = 0; i < copies; i++) {
          delivered.add(e);
        }
      }
      Collections.shuffle(delivered, random);
      assertThat(fold(delivered)).as("seed %d", seed).isEqualTo(expected);
    }
  }

  @Test
  void tiesBetweenContradictoryEventsAreBrokenTheSameWay() {
    // The two completed examples share id and times but differ in conclusion and steps.
    WorkflowJob success = Events.job("completed.success.with-organization.payload.json");
    WorkflowJob failure = Events.job("completed.failure.with-organization.payload.json");
    WorkflowJob a =
        RunReducer.apply(RunReducer.apply(null, success, NOW).state(), failure, NOW).state();
    WorkflowJob b =
        RunReducer.apply(RunReducer.apply(null, failure, NOW).state(), success, NOW).state();
    assertThat(a).isEqualTo(b);
  }

  private static State fold(List<Event> events) {
    Map<Long, WorkflowRunState> runs = new TreeMap<>();
    Map<Long, WorkflowJob> jobs = new TreeMap<>();
    for (Event e : events) {
      if (e.run() != null) {
        runs.put(e.run().id(), RunReducer.apply(runs.get(e.run().id()), e.run(), NOW).state());
      } else {
        jobs.put(e.job().id(), RunReducer.apply(jobs.get(e.job().id()), e.job(), NOW).state());
      }
    }
    return new State(runs, jobs);
  }

  private static void secondAttempt(ObjectNode run) {
    run.put("run_attempt", 2)
        .put("run_started_at", "2020-10-05T17:00:00Z")
        .put("updated_at", "2020-10-05T17:00:00Z");
  }

  private static void secondAttemptJob(ObjectNode job) {
    job.put("id", 289782452L).put("run_attempt", 2);
  }

  /** The same job one step earlier: step 2 still running. */
  private static void earlier(ObjectNode job) {
    ((ObjectNode) job.path("steps").get(1))
        .put("status", "in_progress")
        .putNull("conclusion")
        .putNull("completed_at");
  }

  private static Event run(WorkflowRun run) {
    return new Event(run, null);
  }

  private static Event job(WorkflowJob job) {
    return new Event(null, job);
  }
}
