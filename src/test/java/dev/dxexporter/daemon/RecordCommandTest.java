package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.Main;
import dev.dxexporter.cli.Cli;
import dev.dxexporter.collect.build.CargoTimingsReader;
import dev.dxexporter.collect.build.CargoUnit;
import dev.dxexporter.collect.build.SccacheStatsReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dx-exporter record} and the builds collector on the real daemon and store: real commands
 * (their exit status passed through), pushed or written to the store directly, cargo timing reports
 * and sccache statistics from disk, and the refusals of {@code POST /api/v1/builds}.
 */
class RecordCommandTest {
  private static final Path TIMINGS =
      Path.of(
          "src/test/resources/build/cargo-timings/generated-locally/cargo-1.95.0/cargo-timing.html");
  private static final Path SCCACHE =
      Path.of("src/test/resources/build/sccache/generated-locally/sccache-0.4.0-pre.6");
  private static final Map<String, String> ENV = Map.of("DX_PUSH_TOKEN", "s3cret");

  @TempDir Path tmp;
  private Daemon daemon;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private void start() throws Exception {
    Path p = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(p.resolve("target/cargo-timings"));
    Files.copy(TIMINGS, p.resolve("target/cargo-timings/cargo-timing.html"));
    Files.copy(SCCACHE.resolve("c-hits-misses.json"), p.resolve("sccache-stats.json"));
    Path config =
        Files.writeString(
            tmp.resolve("dx.yml"),
            """
            projects:
              - name: p
                path: p
                dependencies: {enabled: false}
                builds:
                  schedule: 1s
                  compiler_caches: [{name: sccache, paths: [sccache-stats.json]}]
                push: {token: {env: DX_TEST_PUSH_TOKEN}}
              - name: nobuilds
                path: p
                dependencies: {enabled: false}
                push: {token: {env: DX_TEST_PUSH_TOKEN}}
            """);
    daemon =
        StoreDaemons.start(config, Map.of("DX_TEST_PUSH_TOKEN", "s3cret"), tmp.resolve("data"), 0);
    base = "http://127.0.0.1:" + daemon.ports().get(0);
  }

  private int record(String... args) {
    CommandLine cli = Cli.commandLine(Main.sources(), ENV);
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("record", "--retry-wait", "20ms"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  private Map<String, Double> metrics() throws Exception {
    return DaemonIntegrationTest.parse(
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private HttpResponse<String> postBuild(String project, String json, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/builds?project=" + project))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String series(String family, String build, String kind) {
    return family + "{build=\"" + build + "\",kind=\"" + kind + "\",project=\"p\"}";
  }

  @Test
  void aPushedRecordShowsTheCommandsDurationAndStatusAndTheCommandsExitCodeIsKept()
      throws Exception {
    start();
    int exit =
        record(
            "--push",
            base,
            "--project",
            "p",
            "--build",
            "dev",
            "--kind",
            "incremental",
            "--",
            "sh",
            "-c",
            "sleep 0.4; exit 3");
    assertThat(exit).as(err.toString()).isEqualTo(3);
    assertThat(err.toString()).contains("dev (incremental) took").contains("pushed: stored");
    // Without `--`, options after the command are the command's.
    assertThat(
            record(
                "--push",
                base,
                "--project",
                "p",
                "--build",
                "release",
                "--kind",
                "clean",
                "sh",
                "-c",
                "exit 0",
                "--not-a-dx-flag"))
        .as(err.toString())
        .isZero();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metrics().containsKey(series("dx_build_success", "release", "clean")));
    Map<String, Double> m = metrics();
    assertThat(m.get(series("dx_build_duration_seconds", "dev", "incremental")))
        .isBetween(0.4, 10.0);
    assertThat(m).containsEntry(series("dx_build_success", "dev", "incremental"), 0.0);
    assertThat(m).containsEntry(series("dx_build_success", "release", "clean"), 1.0);
    assertThat(m.get(series("dx_build_peak_memory_bytes", "dev", "incremental"))).isPositive();
    assertThat(m)
        .containsEntry(
            series("dx_build_recorded_duration_seconds_count", "dev", "incremental"), 1.0)
        .containsEntry(
            "dx_reports_ingested_total{outcome=\"stored\",project=\"p\",source=\"builds\",via=\"push\"}",
            2.0);
  }

  @Test
  void aRecordWrittenToTheStoreDirectlyAndAKilledCommandAndAMissingOne() throws Exception {
    start();
    String store = tmp.resolve("data").toString();
    assertThat(
            record(
                "--storage.path",
                store,
                "--project",
                "p",
                "--build",
                "b",
                "--kind",
                "clean",
                "--",
                "sh",
                "-c",
                "kill -9 $$"))
        .isEqualTo(137);
    assertThat(err.toString()).contains("exit 137 (signal 9)").contains("stored in " + store);
    assertThat(
            record(
                "--storage.path",
                store,
                "--project",
                "p",
                "--build",
                "b",
                "--kind",
                "clean",
                "--",
                "/nonexistent/dx-no-such-compiler"))
        .isEqualTo(127);
    assertThat(err.toString()).contains("cannot run /nonexistent/dx-no-such-compiler");
    assertThat(record("--project", "p", "--build", "b", "--kind", "nightly", "--", "true"))
        .isEqualTo(2);
    // The daemon's collector, every second, reads what another process wrote to its store.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metrics().containsKey(series("dx_build_success", "b", "clean")));
    assertThat(metrics()).containsEntry(series("dx_build_success", "b", "clean"), 0.0);
  }

  @Test
  void timingsAndCompilerCacheStatisticsComeFromDisk() throws Exception {
    start();
    CargoUnit slowest = new CargoTimingsReader().read(TIMINGS).slowest(1).get(0);
    var stats = new SccacheStatsReader().read(SCCACHE.resolve("c-hits-misses.txt"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metrics().keySet().stream().anyMatch(k -> k.startsWith("dx_build_unit_")));
    Map<String, Double> m = metrics();
    assertThat(m)
        .containsEntry(
            "dx_build_unit_duration_seconds{project=\"p\",report=\"cargo\",unit=\""
                + slowest.label()
                + "\"}",
            slowest.durationSeconds());
    // The JSON file is read; its text twin (the same server state) says the same counts.
    assertThat(m)
        .containsEntry(
            "dx_build_cache_hits{cache=\"sccache\",project=\"p\"}", (double) stats.hits())
        .containsEntry(
            "dx_build_cache_misses{cache=\"sccache\",project=\"p\"}", (double) stats.misses());
    assertThat(m.get("dx_build_cache_hit_ratio{cache=\"sccache\",project=\"p\"}"))
        .isCloseTo(stats.hitRatio().orElseThrow(), org.assertj.core.data.Offset.offset(1e-9));
    // A malformed timings file: named in the log, counted once, the last good figures stay.
    Path html = tmp.resolve("p/target/cargo-timings/cargo-timing.html");
    Files.writeString(html, "<html>not a timings report</html>");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                metrics()
                        .get(
                            "dx_reports_refused_total{project=\"p\",source=\"builds\",via=\"file\"}")
                    == 1.0);
    assertThat(metrics())
        .containsKey(
            "dx_build_unit_duration_seconds{project=\"p\",report=\"cargo\",unit=\""
                + slowest.label()
                + "\"}")
        .containsEntry("dx_collector_success{collector=\"builds\",project=\"p\"}", 1.0);
  }

  @Test
  void buildPushesAreRefusedWithTheReason() throws Exception {
    start();
    String good =
        """
        {"build":"r","kind":"clean","started":"2026-12-01T10:00:00Z","duration_seconds":301.5,
         "exit_code":0,"signal":0,"peak_rss_bytes":1000,"cpu_user_seconds":1,
         "cpu_system_seconds":0.5,"peak_processes":3}""";
    assertThat(postBuild("p", good, "wrong").statusCode()).isEqualTo(403);
    assertThat(postBuild("nobuilds", good, "s3cret").statusCode()).isEqualTo(404);
    HttpResponse<String> negative = postBuild("p", good.replace("301.5", "-1"), "s3cret");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body()).contains("duration_seconds");
    HttpResponse<String> kind = postBuild("p", good.replace("clean", "weekly"), "s3cret");
    assertThat(kind.body()).contains("clean or incremental");
    HttpResponse<String> truncated = postBuild("p", good.substring(0, 40), "s3cret");
    assertThat(truncated.statusCode()).isEqualTo(400);
    assertThat(truncated.body()).contains("not valid JSON at line 1");
    assertThat(postBuild("p", " ".repeat(70_000), "s3cret").statusCode()).isEqualTo(413);
    assertThat(postBuild("p", good, "s3cret").statusCode()).isEqualTo(201);
    assertThat(postBuild("p", good, "s3cret").statusCode()).as("same body").isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metrics().containsKey(series("dx_build_duration_seconds", "r", "clean")));
    assertThat(metrics())
        .containsEntry(series("dx_build_duration_seconds", "r", "clean"), 301.5)
        .containsEntry(
            "dx_reports_refused_total{project=\"p\",source=\"builds\",via=\"push\"}", 4.0);
  }
}
