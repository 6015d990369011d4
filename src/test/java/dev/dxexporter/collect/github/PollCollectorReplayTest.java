package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxexporter.collect.bench.Regression;
import dev.dxexporter.collect.build.CargoTimingsReader;
import dev.dxexporter.ingest.BenchmarkIngester;
import dev.dxexporter.ingest.CoverageIngester;
import dev.dxexporter.ingest.TestIngester;
import dev.dxexporter.ingest.ci.ArtifactIngest;
import dev.dxexporter.ingest.ci.ArtifactReaders;
import dev.dxexporter.ingest.ci.CiSettings;
import dev.dxexporter.ingest.ci.GitHubCounters;
import dev.dxexporter.ingest.ci.GitHubPollCollector;
import dev.dxexporter.store.CiBatch;
import dev.dxexporter.store.CiJob;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poll collector ({@link GitHubPollCollector}) with a real client, poller and store, over the
 * replay server of this package: the recorded PyGithub listing split over two pages joined by a
 * Link header, the recorded jobs (with their steps) for every run, a 403 for the exhausted primary
 * quota and a 502 on the way. Lives here, not beside the collector, for the package's replay
 * harness.
 */
class PollCollectorReplayTest {
  private static final String DATA = "PyGithub/tests/ReplayData/";
  private static final String REPO = "PyGithub/PyGithub";
  private static final String RUNS = "/repos/" + REPO + "/actions/runs";
  private static final String PAGE_2 =
      "/repositories/3544490/actions/runs?per_page=100&exclude_pull_requests=true&page=2";
  private static final Instant START = Instant.parse("2023-06-20T06:30:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path tmp;
  private ClientHarness h;
  private Store store;
  private GitHubPollCollector collector;
  private final Map<Long, String> headShas = new java.util.HashMap<>();

  @BeforeEach
  void start() throws Exception {
    h = new ClientHarness(START);
    store = SqliteStore.open(tmp.resolve("data"), StoreSettings.defaults());
    collector = collector(Optional.of("main"));
  }

  private GitHubPollCollector collector(Optional<String> defaultBranch) {
    CiSettings settings =
        new CiSettings(
            List.of(
                new CiSettings.Repository(
                    RepositoryTarget.of(REPO, List.of(), null), defaultBranch)),
            Duration.ofDays(7),
            Duration.ofDays(14),
            CiSettings.DEFAULT_STEPS,
            List.of());
    RunPoller poller = h.poller(new PollSettings(100, 5, null, 50, 3, 20));
    return new GitHubPollCollector(
        "p",
        settings,
        () -> h.client,
        () -> poller,
        new ArtifactIngest(
            () -> null,
            new ArtifactReaders(
                new TestIngester(1 << 20),
                new CoverageIngester(1 << 20),
                new BenchmarkIngester(1 << 20, new Regression()),
                new CargoTimingsReader()),
            () -> store,
            h.clock),
        () -> store,
        h.clock,
        new GitHubCounters(),
        () -> {});
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
    store.close();
  }

  @Test
  void pollsThroughLimitsAndErrorsThenAnIdlePollCostsNoQuota() throws Exception {
    List<Long> runIds = serveRecordedRuns();

    collector.collect();

    // The exhausted quota is waited out to its reset, the 502 retried after a jittered backoff.
    assertThat(h.clock.sleeps).hasSize(2);
    assertThat(h.clock.sleeps.get(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(h.clock.sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    List<ReplayServer.Seen> first = h.server.requests();
    assertThat(first)
        .extracting(r -> r.path() + " " + r.status())
        .startsWith(RUNS + " 403", RUNS + " 200", "/repositories/3544490/actions/runs 200")
        .hasSize(3 + 1 + runIds.size())
        .containsOnlyOnce(RUNS + "/" + runIds.get(0) + "/jobs 502");
    assertThat(first).allSatisfy(r -> assertThat(r.header("if-none-match")).isNull());
    for (long id : runIds) {
      assertThat(first)
          .filteredOn(r -> r.path().equals(RUNS + "/" + id + "/jobs") && r.status() == 200)
          .singleElement()
          .satisfies(r -> assertThat(r.query()).contains("filter=latest"));
    }

    // Everything landed in the store: five finished runs, five jobs of nine steps each.
    List<CiRun> stored = store.ci().repositoryRuns("p", REPO, 100);
    assertThat(stored).extracting(CiRun::runId).containsExactlyInAnyOrderElementsOf(runIds);
    assertThat(stored).allSatisfy(r -> assertThat(r.finished()).isTrue());
    assertThat(stored)
        .allSatisfy(r -> assertThat(r.headSha()).isNotEmpty().isEqualTo(headShas.get(r.runId())));
    for (CiRun r : stored) {
      assertThat(store.ci().attemptJobs("p", REPO, r.runId(), r.runAttempt()))
          .hasSize(5)
          .allSatisfy(j -> assertThat(j.steps()).hasSize(9))
          .allMatch(CiJob::completed);
    }

    h.server.clearLog();
    h.clock.sleeps.clear();
    int tokens = h.budget.available();
    Map<Integer, Long> before = h.client.stats().snapshot().requestsByStatus();

    collector.collect();

    // Nothing changed: the two listing pages are revalidated by their ETags, jobs known to be
    // final are not asked for, and not one request counts against the primary quota.
    assertThat(h.server.requests())
        .extracting(r -> r.path() + " " + r.header("if-none-match") + " " + r.status())
        .containsExactly(
            RUNS + " W/\"runs-page-1\" 304",
            "/repositories/3544490/actions/runs W/\"runs-page-2\" 304");
    assertThat(h.clock.sleeps).isEmpty();
    assertThat(h.budget.available()).isEqualTo(tokens);
    Map<Integer, Long> after = h.client.stats().snapshot().requestsByStatus();
    assertThat(after.get(200)).isEqualTo(before.get(200));
    assertThat(after.get(304)).isEqualTo(before.getOrDefault(304, 0L) + 2);
    assertThat(store.ci().repositoryRuns("p", REPO, 100)).isEqualTo(stored);
  }

  @Test
  void withoutAConfiguredDefaultBranchPolledRunsAreClassedAsWebhooksNamedIt() throws Exception {
    // The recorded repository's own description names its default branch; the run listing does
    // not. A webhook payload of this repository would carry it: here one run stored as such.
    String defaultBranch =
        recorded(DATA + "Repository.testGetWorkflowRuns.txt", 0).path("default_branch").asText();
    assertThat(defaultBranch).isEqualTo("master");
    List<Long> ids = serveRecordedRuns();
    store
        .ci()
        .apply(
            new CiBatch(
                "webhook-1",
                "workflow_run",
                START,
                List.of(
                    new CiRun(
                        "p",
                        REPO,
                        1,
                        1,
                        "CI",
                        defaultBranch,
                        null,
                        "default",
                        "completed",
                        "success",
                        START,
                        START,
                        START,
                        null,
                        "0")),
                List.of()));
    collector(Optional.empty()).collect();
    List<CiRun> polled =
        store.ci().repositoryRuns("p", REPO, 100).stream()
            .filter(r -> ids.contains(r.runId()))
            .toList();
    assertThat(polled).hasSize(ids.size());
    assertThat(polled)
        .allSatisfy(
            r ->
                assertThat(r.branchClass())
                    .as("run %d on %s", r.runId(), r.branch())
                    .isEqualTo(r.branch().equals(defaultBranch) ? "default" : "other"));
    assertThat(polled).extracting(CiRun::branchClass).contains("default", "other");
  }

  @Test
  void withoutAnythingKnownPolledRunsFallBackToMain() throws Exception {
    serveRecordedRuns();
    collector(Optional.empty()).collect();
    assertThat(store.ci().repositoryRuns("p", REPO, 100))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.branchClass()).isEqualTo("other"));
  }

  /**
   * The recorded listing as two pages, the first behind a 403 of an exhausted quota resetting in 30
   * s; the recorded jobs of a run, renumbered, for each run, the first behind a 502.
   */
  private List<Long> serveRecordedRuns() {
    JsonNode listing = recorded(DATA + "Repository.testGetWorkflowRuns.txt", 1);
    ArrayNode runs = (ArrayNode) listing.path("workflow_runs");
    assertThat(runs).hasSize(5);
    List<Long> ids = new ArrayList<>();
    runs.forEach(r -> ids.add(r.path("id").asLong()));
    runs.forEach(r -> headShas.put(r.path("id").asLong(), r.path("head_sha").asText()));
    ObjectNode page1 = page(runs, 0, 3);
    ObjectNode page2 = page(runs, 3, 5);
    h.server.on(
        RUNS,
        ReplayServer.Reply.json(
            403,
            "{\"message\":\"API rate limit exceeded for user ID 1.\"}",
            "x-ratelimit-limit",
            "5000",
            "x-ratelimit-remaining",
            "0",
            "x-ratelimit-reset",
            String.valueOf(START.getEpochSecond() + 30),
            "x-ratelimit-resource",
            "core"),
        ReplayServer.Reply.json(
            200,
            page1.toString(),
            "ETag",
            "W/\"runs-page-1\"",
            "Link",
            "<https://api.github.com" + PAGE_2 + ">; rel=\"next\"",
            "x-ratelimit-remaining",
            "4990"));
    h.server.on(
        PAGE_2, ReplayServer.Reply.json(200, page2.toString(), "ETag", "W/\"runs-page-2\""));
    JsonNode jobs = recorded(DATA + "WorkflowRun.test_jobs.txt", 0);
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      ObjectNode renumbered = jobs.deepCopy();
      int attempt = runs.get(i).path("run_attempt").asInt(1);
      int k = 0;
      for (JsonNode job : renumbered.path("jobs")) {
        ((ObjectNode) job).put("id", id * 10 + k++).put("run_id", id).put("run_attempt", attempt);
      }
      ReplayServer.Reply ok =
          ReplayServer.Reply.json(200, renumbered.toString(), "ETag", "W/\"jobs-" + id + "\"");
      if (i == 0) {
        h.server.on(RUNS + "/" + id + "/jobs", ReplayServer.Reply.json(502, "{}"), ok);
      } else {
        h.server.on(RUNS + "/" + id + "/jobs", ok);
      }
    }
    return ids;
  }

  private static ObjectNode page(ArrayNode runs, int from, int to) {
    ObjectNode page = MAPPER.createObjectNode().put("total_count", runs.size());
    ArrayNode items = page.putArray("workflow_runs");
    for (int i = from; i < to; i++) {
      items.add(runs.get(i));
    }
    return page;
  }

  private static JsonNode recorded(String file, int exchange) {
    return GitHubFixtures.tree(Recordings.pyGithub(file).get(exchange).reply().body());
  }
}
