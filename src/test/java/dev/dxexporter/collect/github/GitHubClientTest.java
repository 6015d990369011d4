package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listings replayed from the octokit.rb cassettes: Link pagination, ETags, 304s. */
class GitHubClientTest {
  private static final String CASSETTES = "octokit.rb/spec/cassettes/";
  private static final RepositoryTarget OCTO = RepositoryTarget.of("octo/test", List.of(), null);
  private ClientHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new ClientHarness(Instant.parse("2022-09-22T23:40:00Z"));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void followsLinkThroughEveryPageThenRevalidatesWithETags() throws Exception {
    String cassette =
        CASSETTES
            + "Octokit_Client_ActionsWorkflowRuns/_repository_workflow_runs/auto-paginates_the_results.json";
    List<Recordings.Exchange> recorded = Recordings.octokit(cassette);
    Recordings.serve(h.server, recorded);
    URI first = h.client.urls().runs(OCTO, null, 1, null, false);

    Listing<WorkflowRun> listing = h.client.runs(first, 10, OCTO.fullName());
    JsonNode firstPage = GitHubFixtures.tree(recorded.get(0).reply().body());
    assertThat(listing.items()).hasSize(firstPage.path("total_count").asInt());
    assertThat(listing.items()).extracting(WorkflowRun::id).doesNotHaveDuplicates();
    assertThat(listing.items())
        .extracting(WorkflowRun::id)
        .containsExactly(
            recorded.stream()
                .map(
                    e ->
                        GitHubFixtures.tree(e.reply().body())
                            .path("workflow_runs")
                            .get(0)
                            .path("id")
                            .asLong())
                .toArray(Long[]::new));
    assertThat(listing.changed()).isTrue();
    assertThat(listing.truncated()).isFalse();
    assertThat(h.server.requests())
        .extracting(ReplayServer.Seen::path)
        .containsExactly(
            "/repos/octo/test/actions/runs",
            "/repositories/540180744/actions/runs",
            "/repositories/540180744/actions/runs");
    assertThat(h.server.requests())
        .allSatisfy(
            r -> {
              assertThat(r.header("authorization")).isEqualTo("Bearer t0k3n");
              assertThat(r.header("accept")).isEqualTo("application/vnd.github+json");
              assertThat(r.header("x-github-api-version")).isEqualTo("2022-11-28");
              assertThat(r.header("if-none-match")).isNull();
            });
    int tokens = h.budget.available();

    h.server.clearLog();
    Listing<WorkflowRun> again = h.client.runs(first, 10, OCTO.fullName());
    assertThat(again.items()).isEqualTo(listing.items());
    assertThat(again.changed()).isFalse();
    assertThat(again.notModified()).isEqualTo(3);
    assertThat(h.server.requests()).extracting(ReplayServer.Seen::status).containsOnly(304);
    assertThat(h.server.requests())
        .extracting(r -> r.header("if-none-match"))
        .containsExactly(
            recorded.stream().map(e -> e.reply().header("Etag")).toArray(String[]::new));
    assertThat(h.budget.available()).isEqualTo(tokens);
    assertThat(h.client.stats().snapshot().requestsByStatus()).isEqualTo(Map.of(200, 3L, 304, 3L));
    assertThat(h.client.rateLimit().snapshot().limit()).isEqualTo(5000);
    assertThat(h.client.rateLimit().snapshot().remaining()).isEqualTo(4839);
    assertThat(h.client.rateLimit().snapshot().reset())
        .isEqualTo(Instant.ofEpochSecond(1663891143));
  }

  @Test
  void thePageLimitTruncates() throws Exception {
    Recordings.serve(
        h.server,
        Recordings.octokit(
            CASSETTES
                + "Octokit_Client_ActionsWorkflowRuns/_repository_workflow_runs/auto-paginates_the_results.json"));
    Listing<WorkflowRun> listing =
        h.client.runs(h.client.urls().runs(OCTO, null, 1, null, false), 2, OCTO.fullName());
    assertThat(listing.items()).hasSize(2);
    assertThat(listing.truncated()).isTrue();
    assertThat(h.server.requests()).hasSize(2);
  }

  @Test
  void workflowFilterUsesTheWorkflowEndpoint() throws Exception {
    Recordings.serve(
        h.server,
        Recordings.octokit(
            CASSETTES
                + "Octokit_Client_ActionsWorkflowRuns/_workflow_runs/auto-paginates_the_results.json"));
    Listing<WorkflowRun> listing =
        h.client.runs(
            h.client.urls().runs(OCTO, "workflow.yml", 1, null, false), 10, OCTO.fullName());
    assertThat(listing.items())
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.workflowPath()).isEqualTo(".github/workflows/workflow.yml");
              assertThat(r.repository()).isNotNull();
            });
    assertThat(h.server.requests().get(0).path())
        .isEqualTo("/repos/octo/test/actions/workflows/workflow.yml/runs");
  }

  @Test
  void attemptJobsWithTheirSteps() throws Exception {
    List<Recordings.Exchange> recorded =
        Recordings.octokit(
            CASSETTES
                + "Octokit_Client_ActionsWorkflowJobs/_workflow_run_attempt_jobs/auto-paginates_the_results.json");
    Recordings.serve(h.server, recorded);
    Listing<WorkflowJob> jobs =
        h.client.jobs(h.client.urls().jobs(OCTO, 3163227438L, 1, 1), 10, OCTO.fullName());
    assertThat(jobs.items())
        .hasSize(GitHubFixtures.tree(recorded.get(0).reply().body()).path("total_count").asInt());
    for (int i = 0; i < recorded.size(); i++) {
      JsonNode job = GitHubFixtures.tree(recorded.get(i).reply().body()).path("jobs").get(0);
      WorkflowJob parsed = jobs.items().get(i);
      assertThat(parsed.id()).isEqualTo(job.path("id").asLong());
      assertThat(parsed.runId()).isEqualTo(3163227438L);
      assertThat(parsed.steps()).hasSize(job.path("steps").size());
      assertThat(parsed.repository()).isEqualTo("octo/test");
    }
    assertThat(h.server.requests().get(0).path())
        .isEqualTo("/repos/octo/test/actions/runs/3163227438/attempts/1/jobs");
  }

  @Test
  void neverFollowsALinkToAnotherOrigin() throws Exception {
    try (ReplayServer elsewhere = ReplayServer.start()) {
      elsewhere.on("/next", ReplayServer.Reply.json(200, "{\"workflow_runs\":[]}"));
      h.server.on(
          "/repos/octo/test/actions/runs",
          ReplayServer.Reply.json(
              200,
              "{\"total_count\":0,\"workflow_runs\":[]}",
              "Link",
              "<" + elsewhere.base() + "/next>; rel=\"next\""));
      assertThatThrownBy(
              () ->
                  h.client.runs(
                      h.client.urls().runs(OCTO, null, 100, null, false), 10, OCTO.fullName()))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.BAD_RESPONSE))
          .hasMessageContaining("refusing to send the token");
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void aResponseThatIsNotTheExpectedShapeIsABadResponse() {
    h.server.on(
        "/repos/octo/test/actions/runs",
        ReplayServer.Reply.json(200, "{\"workflow_runs\": {\"id\": 1}}"));
    assertThatThrownBy(
            () ->
                h.client.runs(
                    h.client.urls().runs(OCTO, null, 100, null, false), 10, OCTO.fullName()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.BAD_RESPONSE))
        .hasMessageContaining("workflow_runs: expected an array");
  }
}
