package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.Main;
import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.http.ListenAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as Main wires it (config file → plan → scheduler → registry → Jetty) on a free port,
 * against a temporary Cargo project with a build cache; values checked against GNU du and against
 * what the manifests declare.
 */
class DaemonIntegrationTest {
  @TempDir Path tmp;
  private Daemon daemon;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  @Test
  void scrapesCacheAndDependencyMetricsOfATempProject() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("proj"));
    Files.writeString(
        project.resolve("Cargo.toml"),
        """
        [workspace]
        members = ["crates/*"]
        [workspace.dependencies]
        serde = "1"
        """);
    Files.createDirectories(project.resolve("crates/core"));
    Files.writeString(
        project.resolve("crates/core/Cargo.toml"),
        """
        [package]
        name = "core"
        version = "0.1.0"
        [dependencies]
        serde = { workspace = true }
        tokio = "1"
        [dev-dependencies]
        criterion = "0.5"
        """);
    Files.createDirectories(project.resolve("crates/cli"));
    Files.writeString(
        project.resolve("crates/cli/Cargo.toml"),
        """
        [package]
        name = "cli"
        version = "0.1.0"
        [dependencies]
        core = { path = "../core" }
        serde = "1"
        [build-dependencies]
        cc = "1"
        """);
    Path target = Files.createDirectories(project.resolve("target/debug/deps"));
    for (int i = 0; i < 50; i++) {
      Files.write(target.resolve("lib" + i + ".rlib"), new byte[1000 * i + 7]);
    }
    Path config = tmp.resolve("dx.yml");
    Files.writeString(
        config,
        """
        projects:
          - name: demo
            path: proj
            caches:
              - {name: target, path: target, schedule: 1h}
              - {name: gone, path: no-such-dir, schedule: 1h}
            dependencies: {schedule: 1h}
        """);

    String base = start(config);

    await().atMost(Duration.ofSeconds(30)).until(() -> get(base + "/-/ready").statusCode() == 200);
    Map<String, Double> m = parse(get(base + "/metrics").body());

    String cache = "{cache=\"target\",project=\"demo\",scope=\"project\"}";
    assertThat(m.get("dx_cache_size_bytes" + cache))
        .isEqualTo(du(project.resolve("target"), "--block-size=1"));
    assertThat(m.get("dx_cache_apparent_size_bytes" + cache))
        .isEqualTo(du(project.resolve("target"), "-b"));
    assertThat(m.get("dx_cache_files" + cache)).isEqualTo(50.0);
    assertThat(m.get("dx_cache_directories" + cache)).isEqualTo(3.0); // target, debug, deps
    assertThat(m.get("dx_cache_present" + cache)).isEqualTo(1.0);
    assertThat(m.get("dx_cache_present{cache=\"gone\",project=\"demo\",scope=\"project\"}"))
        .isEqualTo(0.0);
    assertThat(m.get("dx_filesystem_size_bytes" + cache)).isPositive();

    // As the manifests above declare them.
    assertThat(
            m.get(
                "dx_dependencies{ecosystem=\"cargo\",kind=\"normal\",package=\"core\",project=\"demo\"}"))
        .isEqualTo(2.0);
    assertThat(
            m.get(
                "dx_dependencies{ecosystem=\"cargo\",kind=\"dev\",package=\"core\",project=\"demo\"}"))
        .isEqualTo(1.0);
    assertThat(
            m.get(
                "dx_dependencies{ecosystem=\"cargo\",kind=\"normal\",package=\"cli\",project=\"demo\"}"))
        .isEqualTo(2.0);
    assertThat(
            m.get(
                "dx_dependencies{ecosystem=\"cargo\",kind=\"build\",package=\"cli\",project=\"demo\"}"))
        .isEqualTo(1.0);
    // serde, tokio, criterion, cc: the path dependency on the member `core` is not external.
    assertThat(m.get("dx_dependencies_distinct{ecosystem=\"cargo\",project=\"demo\"}"))
        .isEqualTo(4.0);

    for (String collector : List.of("cache:target", "cache:gone", "dependencies")) {
      String labels = "{collector=\"" + collector + "\",project=\"demo\"}";
      assertThat(m.get("dx_collector_success" + labels)).as(collector).isEqualTo(1.0);
      assertThat(m.get("dx_collector_errors_total" + labels)).as(collector).isEqualTo(0.0);
      assertThat(m.get("dx_collector_interval_seconds" + labels)).as(collector).isEqualTo(3600.0);
      // The next run the hourly schedule promises: an hour after the run ended.
      assertThat(m.get("dx_collector_next_run_timestamp_seconds" + labels))
          .as(collector)
          .isCloseTo(
              System.currentTimeMillis() / 1000.0 + 3600,
              org.assertj.core.data.Offset.offset(60.0));
      assertThat(m.get("dx_collector_last_success_timestamp_seconds" + labels))
          .as(collector)
          .isCloseTo(
              System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
    }
    assertThat(m.keySet()).anyMatch(k -> k.startsWith("dx_build_info{"));
    assertThat(m.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes"));
  }

  private String start(Path config) throws Exception {
    ConfigLoader loader = new ConfigLoader(Main.sources(), tmp, java.util.Map.of());
    daemon =
        Daemon.start(
            BuildInfo.load(),
            Main.sources(),
            loader.load(config),
            () -> loader.load(config),
            Daemon.Web.none(),
            new Daemon.Options(
                List.of(ListenAddress.parse("127.0.0.1:0")), "/metrics", 2, Duration.ofSeconds(5)),
            new Services(Clock.systemUTC(), 2));
    return "http://127.0.0.1:" + daemon.ports().get(0);
  }

  @Test
  void reloadAddsCollectorsKeepsCountersAndRefusesABadConfig() throws Exception {
    Files.createDirectories(tmp.resolve("p/target"));
    Files.createDirectories(tmp.resolve("p/node_modules/x"));
    Path config = tmp.resolve("dx.yml");
    Files.writeString(
        config,
        """
        projects:
          - name: p
            path: p
            caches: [{name: target, path: target, schedule: 1h}]
            dependencies: {enabled: false}
        """);
    String base = start(config);
    await().atMost(Duration.ofSeconds(30)).until(() -> get(base + "/-/ready").statusCode() == 200);
    Map<String, Double> before = parse(get(base + "/metrics").body());
    assertThat(before.get("dx_config_last_reload_successful")).isEqualTo(1.0);

    Files.writeString(config, "projects:\n  - name: p\n    path: p\n    colour: red\n");
    HttpResponse<String> refused = post(base + "/-/reload");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).contains("dx.yml:4:5: projects[0].colour: unknown key");
    Map<String, Double> afterBad = parse(get(base + "/metrics").body());
    assertThat(afterBad.get("dx_config_last_reload_successful")).isEqualTo(0.0);
    assertThat(afterBad.get("dx_cache_present{cache=\"target\",project=\"p\",scope=\"project\"}"))
        .isEqualTo(1.0);
    // 3,000 nested brackets: a located refusal, not a stack overflow and Jetty's error page.
    Files.writeString(
        config, "projects:\n  - name: p\n    path: " + "[".repeat(3000) + "]".repeat(3000) + "\n");
    HttpResponse<String> deep = post(base + "/-/reload");
    assertThat(deep.statusCode()).isEqualTo(500);
    assertThat(deep.body()).containsPattern("dx.yml:3:\\d+: YAML nests deeper than 64 levels");

    Files.writeString(
        config,
        """
        projects:
          - name: p
            path: p
            caches:
              - {name: target, path: target, schedule: 1h}
              - {name: node_modules, path: node_modules, schedule: 1h}
            dependencies: {enabled: false}
        """);
    assertThat(post(base + "/-/reload").statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                parse(get(base + "/metrics").body())
                    .containsKey(
                        "dx_cache_directories{cache=\"node_modules\",project=\"p\",scope=\"project\"}"));
    Map<String, Double> after = parse(get(base + "/metrics").body());
    assertThat(after.get("dx_config_last_reload_successful")).isEqualTo(1.0);
    assertThat(
            after.get(
                "dx_cache_directories{cache=\"node_modules\",project=\"p\",scope=\"project\"}"))
        .isEqualTo(2.0);
    // The target collector continued: its state (and so readiness) carried over the reload.
    assertThat(after.get("dx_collector_success{collector=\"cache:target\",project=\"p\"}"))
        .isEqualTo(1.0);
    assertThat(get(base + "/-/ready").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> post(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?) (\\S+)$");

  /** Sample lines of the text format, keyed by name and label set as written. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!line.startsWith("#") && m.matches()) {
        out.put(m.group(1), Double.parseDouble(m.group(2)));
      }
    }
    return out;
  }

  private static double du(Path path, String flag) throws Exception {
    Process p =
        new ProcessBuilder("du", "-s", flag, path.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertThat(p.waitFor()).isZero();
    return Double.parseDouble(out.split("\\s+")[0]);
  }
}
