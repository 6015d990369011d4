package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.daemon.Deliveries;
import dev.dxexporter.http.HmacSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Signed GitHub webhook deliveries for the project {@value #PROJECT}, sent to the real exporter:
 * ten finished runs of pipeline "test" on the default branch, two of them failed (80 %, under the
 * 90 % alert line with more than the rules' minimum of five runs), the latest one 1,000 s long
 * (over the 900 s line); and a job with an allow-listed cache step per run, for the job and cache
 * panels.
 */
final class CiWebhooks {
  static final String PROJECT = "ci";
  static final String PIPELINE = "test";
  static final int RUNS = 10;
  static final Set<Integer> FAILED = Set.of(3, 7);
  static final Duration SLOW = Duration.ofSeconds(1000);
  private static final String SECRET = "e2e-webhook-secret";

  private final Path dir;

  CiWebhooks(Path dir) {
    this.dir = dir;
  }

  /** The project's config (under {@code projects:}), its secret written beside it. */
  String projectConfig() throws IOException {
    Files.createDirectories(dir.resolve(PROJECT));
    Path secret = Files.writeString(dir.resolve("webhook-secret"), SECRET + "\n");
    return """
          - name: %s
            path: %s
            dependencies: {enabled: false}
            github:
              webhook_secret: {file: %s}
              repositories:
                - {repo: octo-org/octo-repo, default_branch: master}
                - {repo: Codertocat/Hello-World, default_branch: main}
        """
        .formatted(PROJECT, dir.resolve(PROJECT), secret);
  }

  /** Every delivery, each answered 200; runs a few hours old, ten minutes apart. */
  void sendAll(String exporterUrl) throws IOException {
    Instant first = Instant.now().minus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Duration queued = Duration.ofSeconds(20);
    for (int i = 1; i <= RUNS; i++) {
      long runId = 1000 + i;
      Instant created = first.plus(Duration.ofMinutes(10L * i));
      Duration ran = i == RUNS ? SLOW : Duration.ofSeconds(300);
      String conclusion = FAILED.contains(i) ? "failure" : "success";
      send(
          exporterUrl,
          "workflow_run",
          "run-" + i + "-queued",
          Deliveries.run(runId, 1, "master", "queued", null, created, queued, Duration.ZERO));
      send(
          exporterUrl,
          "workflow_run",
          "run-" + i + "-completed",
          Deliveries.run(runId, 1, "master", "completed", conclusion, created, queued, ran));
      send(
          exporterUrl,
          "workflow_job",
          "job-" + i,
          Deliveries.job(
              2000 + i,
              runId,
              created.plus(queued),
              Duration.ofSeconds(240),
              Duration.ofSeconds(20 + i)));
    }
  }

  private static void send(String exporterUrl, String event, String id, byte[] body)
      throws IOException {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(exporterUrl + "/api/v1/webhooks/github?project=" + PROJECT))
              .header("Content-Type", "application/json")
              .header("X-GitHub-Event", event)
              .header("X-GitHub-Delivery", id)
              .header("X-Hub-Signature-256", HmacSignature.sign(SECRET, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(200);
    } catch (InterruptedException | GeneralSecurityException e) {
      throw new IOException(e);
    }
  }
}
