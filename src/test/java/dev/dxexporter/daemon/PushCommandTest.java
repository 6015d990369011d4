package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.Main;
import dev.dxexporter.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dx-exporter push} against the real daemon and store: directories and files, the CI's
 * variables, duplicates, and each exit code from a real cause (a wrong token, a broken report, an
 * exporter that is not there, one that comes up while the client retries).
 */
class PushCommandTest {
  private static final Path SUREFIRE =
      Path.of(
          "src/test/resources/junit/action-junit-report/test_results/tests/utils/target/surefire-reports");
  private static final Path LCOV =
      Path.of(
          "src/test/resources/coverage/lcov/cargo-llvm-cov/tests/fixtures/coverage-reports/virtual1/package1.lcov.info");
  private static final Map<String, String> GITHUB =
      Map.of(
          "GITHUB_ACTIONS", "true",
          "GITHUB_REF_NAME", "main",
          "GITHUB_SHA", "c0ffee",
          "GITHUB_RUN_ID", "1001",
          "GITHUB_RUN_ATTEMPT", "1",
          "DX_PUSH_TOKEN", "s3cret");

  @TempDir Path tmp;
  private Daemon daemon;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private void start(int port) throws Exception {
    Files.createDirectories(tmp.resolve("p"));
    Path config =
        Files.writeString(
            tmp.resolve("dx.yml"),
            """
            projects:
              - name: p
                path: p
                dependencies: {enabled: false}
                tests: {reports: []}
                coverage: {reports: []}
                push: {token: {env: DX_TEST_PUSH_TOKEN}}
            """);
    daemon =
        StoreDaemons.start(
            config, Map.of("DX_TEST_PUSH_TOKEN", "s3cret"), tmp.resolve("data"), port);
    base = "http://127.0.0.1:" + daemon.ports().get(0);
  }

  private int push(Map<String, String> env, String... args) {
    CommandLine cli = Cli.commandLine(Main.sources(), env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("push", "--retry-wait", "20ms"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  private Map<String, Double> metrics() throws Exception {
    return DaemonIntegrationTest.parse(get("/metrics"));
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String junit(String result) {
    return "<testsuite name=\"s\"><testcase classname=\"c\" name=\"sometimes\" time=\"0.1\">"
        + result
        + "</testcase><testcase classname=\"c\" name=\"always\" time=\"0.2\"/></testsuite>";
  }

  @Test
  void aDirectoryAndAFileAreStoredWithTheCisBranchCommitAndRun() throws Exception {
    start(0);
    assertThat(push(GITHUB, "--url", base, "--project", "p", SUREFIRE.toString(), LCOV.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains(SUREFIRE + ": stored (HTTP 201, 3 file(s), 1 attempt(s))")
        .contains("\"cases\":8")
        .contains(LCOV + ": stored (HTTP 201, 1 file(s)")
        .contains("\"source\":\"coverage\"");
    // The same CI step run again with the same results: nothing new, still success.
    assertThat(push(GITHUB, "--url", base, "--project", "p", SUREFIRE.toString())).isZero();
    assertThat(out.toString()).contains(SUREFIRE + ": duplicate (HTTP 200");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                metrics().containsKey("dx_tests{project=\"p\",report=\"tests\",result=\"failed\"}")
                    && metrics()
                        .containsKey(
                            "dx_coverage_ratio{kind=\"line\",project=\"p\",report=\"coverage\"}"));
    assertThat(metrics())
        .containsEntry("dx_tests{project=\"p\",report=\"tests\",result=\"failed\"}", 4.0)
        .containsEntry(
            "dx_reports_ingested_total{outcome=\"duplicate\",project=\"p\",source=\"tests\",via=\"push\"}",
            1.0);
  }

  @Test
  void theCommitFromTheCiMakesAFailureAndAPassInTwoRunsFlaky() throws Exception {
    start(0);
    Path failed = Files.writeString(tmp.resolve("failed.xml"), junit("<failure message=\"x\"/>"));
    Path passed = Files.writeString(tmp.resolve("passed.xml"), junit(""));
    Map<String, String> rerun = new HashMap<>(GITHUB);
    rerun.put("GITHUB_RUN_ATTEMPT", "2");
    assertThat(push(GITHUB, "--url", base, "--project", "p", failed.toString())).isZero();
    assertThat(push(rerun, "--url", base, "--project", "p", passed.toString())).isZero();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get("/api/v1/projects/p/tests/flaky").contains("\"name\":\"sometimes\""));
    assertThat(get("/api/v1/projects/p/tests/flaky")).doesNotContain("\"always\"");
    // The same failure and pass on two different commits are not flaky: the commit was sent.
    Map<String, String> commitA = new HashMap<>(GITHUB);
    commitA.put("GITHUB_SHA", "aaaa");
    commitA.put("GITHUB_RUN_ID", "2001");
    Map<String, String> commitB = new HashMap<>(GITHUB);
    commitB.put("GITHUB_SHA", "bbbb");
    commitB.put("GITHUB_RUN_ID", "2002");
    assertThat(
            push(commitA, "--url", base, "--project", "p", "--report", "other", failed.toString()))
        .isZero();
    assertThat(
            push(commitB, "--url", base, "--project", "p", "--report", "other", passed.toString()))
        .isZero();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                metrics()
                    .containsKey("dx_tests{project=\"p\",report=\"other\",result=\"passed\"}"));
    assertThat(get("/api/v1/projects/p/tests/flaky"))
        .contains("\"report\":\"tests\"")
        .doesNotContain("\"report\":\"other\"");
  }

  @Test
  void aWrongOrMissingTokenExitsThree() throws Exception {
    start(0);
    Map<String, String> wrong = new HashMap<>(GITHUB);
    wrong.put("DX_PUSH_TOKEN", "guess");
    assertThat(push(wrong, "--url", base, "--project", "p", LCOV.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("unauthorized (HTTP 403").contains("--token-env");
    assertThat(push(Map.of(), "--url", base, "--project", "p", LCOV.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("unauthorized (HTTP 401");
  }

  @Test
  void aBrokenReportExitsOneWithTheLineAndTheOthersAreStillSent() throws Exception {
    start(0);
    Path dir = Files.createDirectories(tmp.resolve("reports/nested/" + "d".repeat(120)));
    Files.writeString(dir.resolve("TEST-broken.xml"), "<testsuite>\n<testcase name=\"a\">\n");
    assertThat(
            push(
                GITHUB,
                "--url",
                base,
                "--project",
                "p",
                tmp.resolve("reports").toString(),
                LCOV.toString()))
        .isEqualTo(1);
    // The name, over ustar's 100 bytes, arrived whole (a pax record) and is in the error.
    assertThat(err.toString())
        .contains("refused (HTTP 400")
        .containsPattern("nested/d{120}/TEST-broken.xml:3:\\d+");
    assertThat(out.toString()).contains(LCOV + ": stored");
  }

  @Test
  void aMissingPathExitsOneAndUsageErrorsExitTwo() throws Exception {
    start(0);
    assertThat(push(GITHUB, "--url", base, "--project", "p", tmp.resolve("nope").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("nope: not sent: ").contains("no such file");
    assertThat(push(GITHUB, "--project", "p", LCOV.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--url");
    assertThat(
            push(
                GITHUB,
                "--url",
                base,
                "--project",
                "p",
                "--token-env",
                "DX_NO_SUCH_VARIABLE",
                LCOV.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("DX_NO_SUCH_VARIABLE: no such variable is set");
    assertThat(push(GITHUB, "--url", "ftp://x", "--project", "p", LCOV.toString())).isEqualTo(2);
  }

  @Test
  void noExporterExitsFourAfterEveryRetry() throws Exception {
    int port = freePort();
    assertThat(
            push(
                GITHUB,
                "--url",
                "http://127.0.0.1:" + port,
                "--project",
                "p",
                "--retries",
                "2",
                LCOV.toString()))
        .isEqualTo(4);
    assertThat(err.toString())
        .contains("unavailable (HTTP none, 1 file(s), 3 attempt(s))")
        .contains("no answer from http://127.0.0.1:" + port + "/api/v1/reports");
  }

  @Test
  void anExporterThatComesUpDuringTheRetriesGetsTheReportOnce() throws Exception {
    int port = freePort();
    CompletableFuture<Integer> pushing =
        CompletableFuture.supplyAsync(
            () ->
                push(
                    GITHUB,
                    "--url",
                    "http://127.0.0.1:" + port,
                    "--project",
                    "p",
                    "--retries",
                    "40",
                    LCOV.toString()));
    Thread.sleep(500); // refused at once, then waiting 20, 40, 80, 160 ms: several attempts
    start(port);
    assertThat(pushing.get()).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("stored \\(HTTP 201, 1 file\\(s\\), ([2-9]|\\d\\d)");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
