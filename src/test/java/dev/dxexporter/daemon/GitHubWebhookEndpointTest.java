package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.http.HmacSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/webhooks/github} on the real daemon and store: deliveries generated from the
 * octokit payload examples with correct, wrong and missing signatures, redelivered and shuffled,
 * give exact {@code dx_ci_*} figures; 10,000 deliveries lose none and count none twice.
 */
class GitHubWebhookEndpointTest {
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String P = "project=\"p\"";

  @TempDir Path tmp;
  private Daemon daemon;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private void start() throws Exception {
    Files.createDirectories(tmp.resolve("p"));
    Path config =
        Files.writeString(
            tmp.resolve("dx.yml"),
            """
            projects:
              - name: p
                path: p
                dependencies: {enabled: false}
                github:
                  webhook_secret: {env: DX_TEST_HOOK_SECRET}
                  repositories:
                    - {repo: octo-org/octo-repo, default_branch: master}
                    - {repo: Codertocat/Hello-World, default_branch: main}
            """);
    daemon =
        StoreDaemons.start(config, Map.of("DX_TEST_HOOK_SECRET", SECRET), tmp.resolve("data"), 0);
    base = "http://127.0.0.1:" + daemon.ports().get(0);
  }

  private record Delivery(String event, String id, byte[] body) {}

  private int send(Delivery d, String signature) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/github"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", d.event())
            .header("X-GitHub-Delivery", d.id())
            .timeout(Duration.ofSeconds(30));
    if (signature != null) {
      b.header("X-Hub-Signature-256", signature);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private int send(Delivery d) throws Exception {
    return send(d, HmacSignature.sign(SECRET, d.body()));
  }

  private Map<String, Double> metrics() throws Exception {
    return DaemonIntegrationTest.parse(
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  @Test
  void signedShuffledAndRedeliveredDeliveriesGiveExactFigures() throws Exception {
    start();
    Instant t = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Duration q = Duration.ofSeconds(30);
    List<Delivery> valid = new ArrayList<>();
    valid.add(run("a1", 100, 1, "master", "queued", null, t, q, Duration.ZERO));
    valid.add(run("a2", 100, 1, "master", "in_progress", null, t, q, Duration.ZERO));
    valid.add(run("a3", 100, 1, "master", "completed", "success", t, q, Duration.ofSeconds(600)));
    Instant t2 = t.plus(10, ChronoUnit.MINUTES);
    valid.add(run("b1", 101, 1, "master", "queued", null, t2, q, Duration.ZERO));
    valid.add(run("b2", 101, 1, "master", "completed", "failure", t2, q, Duration.ofSeconds(1200)));
    valid.add(
        run(
            "b3",
            101,
            2,
            "master",
            "completed",
            "success",
            t2,
            Duration.ofMinutes(30),
            Duration.ofSeconds(300)));
    valid.add(run("c1", 102, 1, "feature", "completed", "failure", t, q, Duration.ofSeconds(100)));
    valid.add(
        new Delivery(
            "workflow_job",
            "j1",
            Deliveries.job(
                500, 100, t.plusSeconds(40), Duration.ofSeconds(400), Duration.ofSeconds(30))));
    valid.add(
        new Delivery(
            "ping", "p1", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes()));
    List<Delivery> all = new ArrayList<>(valid);
    all.addAll(valid); // every delivery redelivered with its id
    Collections.shuffle(all, new Random(9));
    for (Delivery d : all) {
      assertThat(send(d)).as(d.id()).isEqualTo(200);
    }
    Delivery forged =
        run("f1", 103, 1, "master", "completed", "failure", t, q, Duration.ofSeconds(5));
    assertThat(send(forged, HmacSignature.sign("not the secret", forged.body()))).isEqualTo(401);
    assertThat(send(forged, "sha256=" + "0".repeat(64))).isEqualTo(401);
    assertThat(send(forged, null)).isEqualTo(401);

    String def = "branch=\"default\",pipeline=\"test\"," + P;
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(metrics())
                    .containsEntry(
                        "dx_ci_runs_total{attempt=\"first\"," + def + ",result=\"success\"}", 1.0)
                    .containsEntry(
                        "dx_ci_runs_total{attempt=\"first\"," + def + ",result=\"failure\"}", 1.0)
                    .containsEntry(
                        "dx_ci_runs_total{attempt=\"rerun\"," + def + ",result=\"success\"}", 1.0)
                    .containsEntry(
                        "dx_ci_runs_total{attempt=\"first\",branch=\"other\",pipeline=\"test\","
                            + P
                            + ",result=\"failure\"}",
                        1.0)
                    .containsEntry(
                        "dx_ci_job_duration_seconds_count{ci_job=\"linters\",pipeline=\"CodeQL\","
                            + P
                            + "}",
                        1.0));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> exactFigures(metrics(), def));
  }

  private static void exactFigures(Map<String, Double> m, String def) {
    assertThat(m)
        .doesNotContainKey(
            "dx_ci_runs_total{attempt=\"first\"," + def + ",result=\"action_required\"}")
        .containsEntry("dx_ci_success_ratio{pipeline=\"test\"," + P + "}", 1.0)
        .containsEntry("dx_ci_window_finished_runs{pipeline=\"test\"," + P + "}", 2.0)
        .containsEntry("dx_ci_window_successful_runs{pipeline=\"test\"," + P + "}", 2.0)
        .containsEntry("dx_ci_run_duration_seconds_count{" + def + "}", 3.0)
        .containsEntry("dx_ci_run_duration_seconds_sum{" + def + "}", 2100.0)
        .containsEntry("dx_ci_run_queue_seconds_sum{" + def + "}", 60.0)
        .containsEntry("dx_ci_last_run_duration_seconds{" + def + "}", 300.0)
        .containsEntry("dx_ci_last_run_success{" + def + "}", 1.0)
        .containsEntry(
            "dx_ci_job_duration_seconds_sum{ci_job=\"linters\",pipeline=\"CodeQL\"," + P + "}",
            400.0)
        .containsEntry(
            "dx_ci_step_duration_seconds_sum{ci_job=\"linters\",pipeline=\"CodeQL\","
                + P
                + ",step=\"Cache cargo\"}",
            30.0)
        .doesNotContainKey(
            "dx_ci_step_duration_seconds_count{ci_job=\"linters\",pipeline=\"CodeQL\","
                + P
                + ",step=\"Set up job\"}")
        .containsEntry("dx_github_webhook_deliveries_total{outcome=\"applied\"," + P + "}", 8.0)
        .containsEntry("dx_github_webhook_deliveries_total{outcome=\"duplicate\"," + P + "}", 8.0)
        .containsEntry("dx_github_webhook_deliveries_total{outcome=\"ping\"," + P + "}", 2.0)
        .containsEntry(
            "dx_github_webhook_deliveries_total{outcome=\"unauthorized\"," + P + "}", 3.0)
        .containsEntry("dx_store_rows{table=\"ci_delivery\"}", 8.0);
  }

  @Test
  void tenThousandDeliveriesLoseNoneAndCountNoneTwice() throws Exception {
    start();
    Instant t = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Duration q = Duration.ofSeconds(10);
    List<Delivery> all = new ArrayList<>();
    int runs = 3_000;
    for (int i = 0; i < runs; i++) {
      Instant created = t.plusSeconds(60L * i);
      String result = i % 10 == 0 ? "failure" : "success";
      all.add(run("q" + i, 1000 + i, 1, "master", "queued", null, created, q, Duration.ZERO));
      all.add(
          run(
              "d" + i,
              1000 + i,
              1,
              "master",
              "completed",
              result,
              created,
              q,
              Duration.ofSeconds(100 + i % 50)));
    }
    for (int i = 0; i < 2_000; i++) {
      all.add(
          new Delivery(
              "workflow_job",
              "j" + i,
              Deliveries.job(
                  90_000 + i,
                  1000 + i,
                  t.plusSeconds(60L * i + 10),
                  Duration.ofSeconds(90),
                  Duration.ofSeconds(20))));
    }
    List<Delivery> again = new ArrayList<>(all.subList(0, 2_000));
    all.addAll(again);
    Collections.shuffle(all, new Random(10_000));
    assertThat(all).hasSize(10_000);
    long began = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (Delivery d : all) {
        answers.add(pool.submit(() -> send(d)));
      }
      for (Future<Integer> a : answers) {
        assertThat(a.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf("10,000 deliveries in %.1f s%n", (System.nanoTime() - began) / 1e9);
    String def = "branch=\"default\",pipeline=\"test\"," + P;
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(metrics())
                    .containsEntry(
                        "dx_ci_runs_total{attempt=\"first\"," + def + ",result=\"success\"}",
                        2700.0)
                    .containsEntry(
                        "dx_ci_runs_total{attempt=\"first\"," + def + ",result=\"failure\"}", 300.0)
                    .containsEntry(
                        "dx_ci_job_duration_seconds_count{ci_job=\"linters\",pipeline=\"CodeQL\","
                            + P
                            + "}",
                        2000.0)
                    .containsEntry(
                        "dx_ci_window_finished_runs{pipeline=\"test\"," + P + "}", 3000.0)
                    .containsEntry("dx_ci_success_ratio{pipeline=\"test\"," + P + "}", 0.9)
                    .containsEntry("dx_ci_run_duration_seconds_count{" + def + "}", 3000.0)
                    .containsEntry(
                        "dx_github_webhook_deliveries_total{outcome=\"applied\"," + P + "}", 8000.0)
                    .containsEntry(
                        "dx_github_webhook_deliveries_total{outcome=\"duplicate\"," + P + "}",
                        2000.0)
                    .containsEntry("dx_store_rows{table=\"ci_delivery\"}", 8000.0));
  }

  private static Delivery run(
      String id,
      long run,
      int attempt,
      String branch,
      String status,
      String conclusion,
      Instant created,
      Duration queued,
      Duration ran) {
    return new Delivery(
        "workflow_run",
        id,
        Deliveries.run(run, attempt, branch, status, conclusion, created, queued, ran));
  }
}
