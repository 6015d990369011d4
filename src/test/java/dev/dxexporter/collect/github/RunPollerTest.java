package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunPollerTest {
  private static final String DATA = "PyGithub/tests/ReplayData/";
  private static final RepositoryTarget PYGITHUB =
      RepositoryTarget.of("PyGithub/PyGithub", List.of(), null);
  private static final PollSettings NO_LOOKBACK = new PollSettings(100, 5, null, 50, 3, 20);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private ClientHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new ClientHarness(Instant.parse("2023-06-20T06:30:00Z"));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /**
   * The recorded listing (5 old runs, all already known and final), a known run still in progress
   * that the listing no longer shows, and its 5 jobs.
   */
  @Test
  void reportsWhatChangedThenAnIdlePollIsAll304() throws Exception {
    Recordings.serve(h.server, Recordings.pyGithub(DATA + "Repository.testGetWorkflowRuns.txt"));
    Recordings.serve(h.server, Recordings.pyGithub(DATA + "WorkflowRun.setUp.txt"));
    Recordings.serve(h.server, Recordings.pyGithub(DATA + "WorkflowRun.test_jobs.txt"));
    Map<Long, KnownRun> known = new HashMap<>();
    for (WorkflowRun run : listed()) {
      known.put(
          run.id(),
          new KnownRun(run.id(), 1, run.status(), run.conclusion(), run.updatedAt(), true));
    }
    known.put(
        3881497935L,
        new KnownRun(
            3881497935L, 1, "in_progress", null, Instant.parse("2023-01-10T08:25:00Z"), false));
    RunPoller poller = h.poller(NO_LOOKBACK);

    PollResult first = poller.poll(PYGITHUB, known);
    assertThat(first.complete()).isTrue();
    assertThat(first.runs())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(3881497935L);
              assertThat(r.conclusion()).isEqualTo("success");
            });
    assertThat(first.jobs())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.runId()).isEqualTo(3881497935L);
              assertThat(j.latestAttempt()).isTrue();
              assertThat(j.allCompleted()).isTrue();
              assertThat(j.jobs()).hasSize(5).allSatisfy(job -> assertThat(job.steps()).hasSize(9));
            });
    assertThat(h.server.requests())
        .extracting(r -> r.path() + "?" + r.query())
        .containsExactly(
            "/repos/PyGithub/PyGithub/actions/runs?per_page=100&exclude_pull_requests=true",
            "/repos/PyGithub/PyGithub/actions/runs/3881497935?null",
            "/repos/PyGithub/PyGithub/actions/runs/3881497935/jobs?filter=latest&per_page=100");
    assertThat(first.fetched()).isEqualTo(3);

    // The caller applies the result: the run is now completed with its jobs final.
    WorkflowRunState state = RunReducer.apply(null, first.runs().get(0), h.clock.instant()).state();
    known.put(3881497935L, KnownRun.of(state, true));
    h.server.clearLog();
    Map<Integer, Long> before = h.client.stats().snapshot().requestsByStatus();
    PollResult idle = poller.poll(PYGITHUB, known);
    assertThat(idle.complete()).isTrue();
    assertThat(idle.runs()).isEmpty();
    assertThat(idle.jobs()).isEmpty();
    assertThat(idle.fetched()).isZero();
    assertThat(h.server.requests()).extracting(ReplayServer.Seen::status).containsOnly(304);
    assertThat(h.client.stats().snapshot().requestsByStatus().get(200)).isEqualTo(before.get(200));
  }

  /** Runs still in progress keep their jobs asked for, conditionally: still only 304s. */
  @Test
  void anIdlePollOfRunningRunsCostsNoQuota() throws Exception {
    ObjectNode run = (ObjectNode) body(DATA + "WorkflowRun.setUp.txt", 1);
    run.put("status", "in_progress").putNull("conclusion");
    ObjectNode page = MAPPER.createObjectNode().put("total_count", 1);
    page.putArray("workflow_runs").add(run);
    ObjectNode jobs = (ObjectNode) body(DATA + "WorkflowRun.test_jobs.txt", 0);
    ((ObjectNode) jobs.path("jobs").get(1))
        .put("status", "in_progress")
        .putNull("conclusion")
        .putNull("completed_at");
    h.server.on(
        "/repos/PyGithub/PyGithub/actions/runs",
        ReplayServer.Reply.json(200, page.toString(), "ETag", "W/\"runs-1\""));
    h.server.on(
        "/repos/PyGithub/PyGithub/actions/runs/3881497935/jobs",
        ReplayServer.Reply.json(200, jobs.toString(), "ETag", "W/\"jobs-1\""));
    RunPoller poller = h.poller(NO_LOOKBACK);

    PollResult first = poller.poll(PYGITHUB, Map.of());
    assertThat(first.runs()).hasSize(1);
    assertThat(first.jobs()).singleElement().satisfies(j -> assertThat(j.allCompleted()).isFalse());
    Map<Long, KnownRun> known =
        Map.of(
            3881497935L,
            KnownRun.of(
                RunReducer.apply(null, first.runs().get(0), h.clock.instant()).state(), false));
    int tokens = h.budget.available();

    for (int poll = 0; poll < 3; poll++) {
      h.server.clearLog();
      PollResult idle = poller.poll(PYGITHUB, known);
      assertThat(idle.runs()).isEmpty();
      assertThat(idle.jobs()).isEmpty();
      assertThat(idle.notModified()).isEqualTo(2);
      assertThat(h.server.requests())
          .hasSize(2)
          .allSatisfy(
              r -> {
                assertThat(r.status()).isEqualTo(304);
                assertThat(r.header("if-none-match")).isIn("W/\"runs-1\"", "W/\"jobs-1\"");
              });
    }
    assertThat(h.budget.available()).isEqualTo(tokens);
    assertThat(h.client.stats().snapshot().requestsByStatus())
        .containsEntry(200, 2L)
        .containsEntry(304, 6L);
  }

  @Test
  void workflowAndBranchFiltersAndTheLookbackDay() throws Exception {
    h.clock.advance(java.time.Duration.ofDays(346)); // 2024-05-31T06:30Z
    RepositoryTarget target =
        RepositoryTarget.of("octo/test", List.of("ci.yml", "1903133"), "feat/x y");
    h.server.on(
        "/repos/octo/test/actions/workflows/1903133/runs",
        ReplayServer.Reply.json(200, "{\"total_count\":0,\"workflow_runs\":[]}"));
    RunPoller poller = h.poller(PollSettings.defaults());
    PollResult result = poller.poll(target, Map.of());
    // ci.yml is not found (404): reported, and the other workflow is still polled.
    assertThat(result.problem().kind()).isEqualTo(ApiException.Kind.NOT_FOUND);
    assertThat(h.server.requests())
        .extracting(r -> r.path() + "?" + r.query())
        .containsExactly(
            "/repos/octo/test/actions/workflows/ci.yml/runs?per_page=100&branch=feat%2Fx%20y&created=%3E%3D2024-05-29&exclude_pull_requests=true",
            "/repos/octo/test/actions/workflows/1903133/runs?per_page=100&branch=feat%2Fx%20y&created=%3E%3D2024-05-29&exclude_pull_requests=true");
    // A missing workflow does not block the repository.
    h.server.clearLog();
    poller.poll(target, Map.of());
    assertThat(h.server.requests()).hasSize(2);
  }

  @Test
  void earlierAttemptsOfAReRunAreBackfilled() throws Exception {
    ObjectNode run = (ObjectNode) body(DATA + "WorkflowRun.setUp.txt", 1);
    run.put("run_attempt", 3);
    ObjectNode page = MAPPER.createObjectNode().put("total_count", 1);
    page.putArray("workflow_runs").add(run);
    h.server.on(
        "/repos/PyGithub/PyGithub/actions/runs", ReplayServer.Reply.json(200, page.toString()));
    String jobs =
        new String(Recordings.pyGithub(DATA + "WorkflowRun.test_jobs.txt").get(0).reply().body());
    for (String path : List.of("attempts/1/jobs", "attempts/2/jobs", "jobs")) {
      h.server.on(
          "/repos/PyGithub/PyGithub/actions/runs/3881497935/" + path,
          ReplayServer.Reply.json(200, jobs));
    }
    PollResult result = h.poller(NO_LOOKBACK).poll(PYGITHUB, Map.of());
    assertThat(result.jobs())
        .extracting(RunJobs::runAttempt, RunJobs::latestAttempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, false),
            org.assertj.core.groups.Tuple.tuple(2, false),
            org.assertj.core.groups.Tuple.tuple(3, true));

    // Attempt 1 known and final: only attempt 2 and the latest.
    h.server.clearLog();
    KnownRun first =
        new KnownRun(
            3881497935L, 1, "completed", "failure", Instant.parse("2023-01-10T08:00:00Z"), true);
    h.poller(new PollSettings(100, 5, null, 50, 1, 20)).poll(PYGITHUB, Map.of(3881497935L, first));
    assertThat(h.server.requests())
        .extracting(ReplayServer.Seen::path)
        .containsExactly(
            "/repos/PyGithub/PyGithub/actions/runs",
            "/repos/PyGithub/PyGithub/actions/runs/3881497935/attempts/2/jobs",
            "/repos/PyGithub/PyGithub/actions/runs/3881497935/jobs");
  }

  @Test
  void jobListingsPerPollAreCappedAndADeletedRunIsSkipped() throws Exception {
    Recordings.serve(h.server, Recordings.pyGithub(DATA + "Repository.testGetWorkflowRuns.txt"));
    List<WorkflowRun> runs = listed();
    // Jobs are recorded for none of these runs: the server answers 404, as for a deleted run.
    PollResult capped = h.poller(new PollSettings(100, 5, null, 2, 3, 20)).poll(PYGITHUB, Map.of());
    assertThat(capped.complete()).isTrue();
    assertThat(capped.runs()).hasSize(runs.size());
    assertThat(capped.jobs()).isEmpty();
    assertThat(h.server.requests()).hasSize(1 + 2);
  }

  @Test
  void aForbiddenRepositoryIsLeftAloneForTheCooloff() throws Exception {
    h.server.on(
        "/repos/octo/private/actions/runs",
        ReplayServer.Reply.json(403, "{\"message\":\"Resource not accessible by integration\"}"));
    h.server.on(
        "/repos/octo/open/actions/runs",
        ReplayServer.Reply.json(200, "{\"total_count\":0,\"workflow_runs\":[]}"));
    RunPoller poller = h.poller(NO_LOOKBACK);
    RepositoryTarget closed = RepositoryTarget.of("octo/private", List.of(), null);
    PollResult refused = poller.poll(closed, Map.of());
    assertThat(refused.problem().kind()).isEqualTo(ApiException.Kind.FORBIDDEN);
    assertThat(refused.problem().getMessage()).contains("Resource not accessible by integration");
    PollResult again = poller.poll(closed, Map.of());
    assertThat(again.problem().kind()).isEqualTo(ApiException.Kind.FORBIDDEN);
    assertThat(h.server.requests()).hasSize(1);
    assertThat(poller.poll(RepositoryTarget.of("octo/open", List.of(), null), Map.of()).complete())
        .isTrue();
    h.clock.advance(java.time.Duration.ofMinutes(61));
    poller.poll(closed, Map.of());
    assertThat(h.server.requests()).hasSize(3);
  }

  private static List<WorkflowRun> listed() throws Exception {
    JsonNode page = body(DATA + "Repository.testGetWorkflowRuns.txt", 1);
    GitHubJson fields = new GitHubJson(Path.of("runs"));
    List<WorkflowRun> runs = new java.util.ArrayList<>();
    for (JsonNode run : (ArrayNode) page.path("workflow_runs")) {
      runs.add(fields.run(run, MissingNode.getInstance(), null));
    }
    return runs;
  }

  private static JsonNode body(String file, int exchange) {
    return GitHubFixtures.tree(Recordings.pyGithub(file).get(exchange).reply().body());
  }
}
