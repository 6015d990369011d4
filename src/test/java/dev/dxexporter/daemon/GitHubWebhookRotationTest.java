package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.http.HmacSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret being rotated: with {@code webhook_secrets: [{env: NEW}, {file: old}]} on the real
 * endpoint, deliveries signed with either secret are accepted and one signed with a third is not.
 */
class GitHubWebhookRotationTest {
  @TempDir Path tmp;
  private Daemon daemon;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private int ping(String base, String id, String secret) throws Exception {
    byte[] body =
        "{\"zen\":\"Design for failure.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/github"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "ping")
            .header("X-GitHub-Delivery", id)
            .header("X-Hub-Signature-256", HmacSignature.sign(secret, body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void oldAndNewSecretsVerifyAndAThirdDoesNot() throws Exception {
    Files.createDirectories(tmp.resolve("p"));
    Files.writeString(tmp.resolve("old.secret"), "the old secret\n");
    Path config =
        Files.writeString(
            tmp.resolve("dx.yml"),
            """
            projects:
              - name: p
                path: p
                dependencies: {enabled: false}
                github:
                  webhook_secrets: [{env: DX_NEW_HOOK_SECRET}, {file: old.secret}]
                  repositories: [{repo: octo-org/octo-repo}]
            """);
    daemon =
        StoreDaemons.start(
            config, Map.of("DX_NEW_HOOK_SECRET", "the new secret"), tmp.resolve("data"), 0);
    String base = "http://127.0.0.1:" + daemon.ports().get(0);
    assertThat(ping(base, "d-new", "the new secret")).isEqualTo(200);
    assertThat(ping(base, "d-old", "the old secret")).isEqualTo(200);
    assertThat(ping(base, "d-third", "a third secret")).isEqualTo(401);
    assertThat(ping(base, "d-prefix", "the new")).isEqualTo(401);
  }
}
