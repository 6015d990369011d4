package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.collect.github.WebhookParser;
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
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook body cap that keeps one payload's JSON tree within the heap
 * (bench/parse-heap-reports.sh): a signed delivery one byte over it is answered 413 and counted as
 * malformed, and the next delivery is applied.
 */
class GitHubWebhookSizeTest {
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String P = "project=\"p\"";

  @TempDir Path tmp;
  private Daemon daemon;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private int send(String base, String id, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/github"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "workflow_run")
            .header("X-GitHub-Delivery", id)
            .header("X-Hub-Signature-256", HmacSignature.sign(SECRET, body))
            .timeout(Duration.ofSeconds(30))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void aPayloadOverTheCapIsAnswered413AndCountedAndTheNextIsApplied() throws Exception {
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
            """);
    daemon =
        StoreDaemons.start(config, Map.of("DX_TEST_HOOK_SECRET", SECRET), tmp.resolve("data"), 0);
    String base = "http://127.0.0.1:" + daemon.ports().get(0);
    Instant t = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    byte[] run =
        Deliveries.run(
            100,
            1,
            "master",
            "completed",
            "success",
            t,
            Duration.ofSeconds(30),
            Duration.ofSeconds(600));
    byte[] over = Arrays.copyOf(run, (int) WebhookParser.MAX_PAYLOAD_BYTES + 1);
    Arrays.fill(over, run.length, over.length, (byte) ' '); // still valid JSON, one byte too long

    assertThat(send(base, "big", over)).isEqualTo(413);
    assertThat(send(base, "ok", run)).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(metrics(base))
                    .containsEntry(
                        "dx_github_webhook_deliveries_total{outcome=\"malformed\"," + P + "}", 1.0)
                    .containsEntry(
                        "dx_github_webhook_deliveries_total{outcome=\"applied\"," + P + "}", 1.0));
  }

  private Map<String, Double> metrics(String base) throws Exception {
    return DaemonIntegrationTest.parse(
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }
}
