package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.Main;
import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.http.ListenAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web config as Main wires it: read at start-up, re-read (not per request) on reload. */
class WebConfigReloadTest {
  /** exporter-toolkit web/testdata/web_config_users_noTLS.good.yml (alice123, carol123). */
  static final String ALICE = "alice: $2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby";

  static final String CAROL = "carol: $2y$10$qRTBuFoULoYNA7AQ/F3ck.trZBPyjV64.oA4ZsSBCIWvXuvQlQTuu";

  @TempDir Path tmp;
  private Daemon daemon;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private HttpResponse<String> send(String method, String url, String user, String password)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void reloadAppliesNewUsersAndRefusesAnInvalidWebConfig() throws Exception {
    Files.createDirectories(tmp.resolve("p"));
    Path config =
        Files.writeString(
            tmp.resolve("dx.yml"),
            "projects:\n  - {name: p, path: p, dependencies: {enabled: false}}\n");
    Path web = Files.writeString(tmp.resolve("web.yml"), "basic_auth_users:\n  " + ALICE + "\n");
    ConfigLoader loader = new ConfigLoader(Main.sources(), tmp, java.util.Map.of());
    daemon =
        Daemon.start(
            BuildInfo.load(),
            Main.sources(),
            loader.load(config),
            () -> loader.load(config),
            Daemon.Web.read(web),
            new Daemon.Options(
                List.of(ListenAddress.parse("127.0.0.1:0")), "/metrics", 1, Duration.ofSeconds(5)),
            new Services(Clock.systemUTC(), 1));
    String base = "http://127.0.0.1:" + daemon.ports().get(0);

    assertThat(send("GET", base + "/metrics", null, null).statusCode()).isEqualTo(401);
    assertThat(send("POST", base + "/-/reload", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", base + "/metrics", "alice", "alice123").statusCode()).isEqualTo(200);
    assertThat(send("GET", base + "/metrics", "carol", "carol123").statusCode()).isEqualTo(401);

    // carol replaces alice: effective after an authenticated reload, not before.
    Files.writeString(web, "basic_auth_users:\n  " + CAROL + "\n");
    assertThat(send("GET", base + "/metrics", "carol", "carol123").statusCode()).isEqualTo(401);
    assertThat(send("POST", base + "/-/reload", "alice", "alice123").statusCode()).isEqualTo(200);
    assertThat(send("GET", base + "/metrics", "carol", "carol123").statusCode()).isEqualTo(200);
    assertThat(send("GET", base + "/metrics", "alice", "alice123").statusCode()).isEqualTo(401);

    // An invalid web config is refused, counted, and the users in force stay.
    Files.writeString(web, "basic_auth_users:\n  carol: plaintext\n");
    HttpResponse<String> refused = send("POST", base + "/-/reload", "carol", "carol123");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).contains("web.yml:2:10: basic_auth_users.carol: not a bcrypt hash");
    HttpResponse<String> metrics = send("GET", base + "/metrics", "carol", "carol123");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(DaemonIntegrationTest.parse(metrics.body()))
        .containsEntry("dx_config_last_reload_successful", 0.0);

    // SIGHUP's path (Daemon.reload) is the same: a fixed file brings success back.
    Files.writeString(web, "basic_auth_users:\n  " + CAROL + "\n  " + ALICE + "\n");
    assertThat(daemon.reload().toCompletableFuture().get()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                DaemonIntegrationTest.parse(
                            send("GET", base + "/metrics", "alice", "alice123").body())
                        .get("dx_config_last_reload_successful")
                    == 1.0);
  }
}
