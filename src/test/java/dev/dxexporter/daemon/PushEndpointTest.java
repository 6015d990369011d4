package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/reports} on the real daemon and store: files, tar.gz and zip of a reports
 * directory, gzip encoding; bearer tokens; the refusals (400 with the file and line, 404, 413);
 * duplicates stored once; and what was pushed shows in {@code /metrics} and the JSON endpoints.
 */
class PushEndpointTest {
  private static final Path SUREFIRE =
      Path.of(
          "src/test/resources/junit/action-junit-report/test_results/tests/utils/target/surefire-reports");
  private static final Path NEXTEST =
      Path.of("src/test/resources/junit/nextest/fixtures/fixture-project-junit.xml");
  private static final Path LCOV =
      Path.of(
          "src/test/resources/coverage/lcov/cargo-llvm-cov/tests/fixtures/coverage-reports/virtual1/package1.lcov.info");

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

  private void start(Path storage) throws Exception {
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
              - name: bare
                path: p
                dependencies: {enabled: false}
                push: {token: {env: DX_TEST_PUSH_TOKEN}}
            """);
    daemon = StoreDaemons.start(config, Map.of("DX_TEST_PUSH_TOKEN", "s3cret"), storage, 0);
    base = "http://127.0.0.1:" + daemon.ports().get(0);
  }

  private HttpResponse<String> push(String query, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/reports?" + query))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .timeout(Duration.ofSeconds(60));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> pushAuthorized(String query, byte[] body, String... headers)
      throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer s3cret";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return push(query, body, all);
  }

  private Map<String, Double> metrics() throws Exception {
    return DaemonIntegrationTest.parse(
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private static byte[] tarGz(Path dir) throws Exception {
    Path out = Files.createTempFile("reports", ".tar.gz");
    Process p =
        new ProcessBuilder("tar", "-czf", out.toString(), "-C", dir.toString(), ".")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor()).isZero();
    return Files.readAllBytes(out);
  }

  private static byte[] zip(Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes);
        var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        z.putNextEntry(new ZipEntry("reports/" + f.getFileName()));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void pushedReportsAreStoredOnceAndShown() throws Exception {
    start(tmp.resolve("data"));
    byte[] surefire = tarGz(SUREFIRE);
    HttpResponse<String> first =
        pushAuthorized(
            "project=p&report=unit&run=42&commit=abc",
            surefire,
            "Content-Type",
            "application/gzip");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).contains("\"status\":\"stored\"").contains("\"cases\":8");
    // The same run and bytes again (a retried CI step): stored once.
    HttpResponse<String> again =
        pushAuthorized("project=p&report=unit&run=42&commit=abc", surefire);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"status\":\"duplicate\"");
    // The same directory as a zip under an Idempotency-Key, twice: once.
    assertThat(
            pushAuthorized("project=p&report=zipped", zip(SUREFIRE), "Idempotency-Key", "k1")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            pushAuthorized("project=p&report=zipped", zip(SUREFIRE), "Idempotency-Key", "k1")
                .statusCode())
        .isEqualTo(200);
    // A single file, gzip-encoded, parameters as headers; coverage detected from content.
    assertThat(
            pushAuthorized(
                    "",
                    gzip(Files.readAllBytes(NEXTEST)),
                    "Content-Encoding",
                    "gzip",
                    "X-Dx-Project",
                    "p",
                    "X-Dx-Report",
                    "nextest")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> lcov = pushAuthorized("project=p", Files.readAllBytes(LCOV));
    assertThat(lcov.statusCode()).as(lcov.body()).isEqualTo(201);
    assertThat(lcov.body()).contains("\"source\":\"coverage\"");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                metrics()
                        .containsKey(
                            "dx_coverage_instrumented{kind=\"line\",project=\"p\",report=\"coverage\"}")
                    && metrics()
                        .containsKey(
                            "dx_tests{project=\"p\",report=\"nextest\",result=\"flaky\"}"));
    Map<String, Double> m = metrics();
    assertThat(m).containsEntry("dx_tests{project=\"p\",report=\"unit\",result=\"failed\"}", 4.0);
    assertThat(m).containsEntry("dx_tests{project=\"p\",report=\"zipped\",result=\"failed\"}", 4.0);
    assertThat(m)
        .containsEntry(
            "dx_reports_ingested_total{outcome=\"stored\",project=\"p\",source=\"tests\",via=\"push\"}",
            3.0)
        .containsEntry(
            "dx_reports_ingested_total{outcome=\"duplicate\",project=\"p\",source=\"tests\",via=\"push\"}",
            2.0);
    String flaky =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/p/tests/flaky")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(flaky).contains("\"report\":\"nextest\"").contains("\"times_flaky\"");
    String name = flaky.replaceAll("(?s).*\"name\":\"([^\"]+)\".*", "$1");
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page).contains("Flaky tests of p").contains(name).contains("Slowest tests of p");
  }

  @Test
  void refusalsSayWhyAndStoreNothing() throws Exception {
    start(tmp.resolve("data"));
    byte[] report = Files.readAllBytes(NEXTEST);
    HttpResponse<String> none = push("project=p", report);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(push("project=p", report, "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(403);
    assertThat(pushAuthorized("project=nope", report).statusCode())
        .as("no such project")
        .isEqualTo(403);
    HttpResponse<String> bare = pushAuthorized("project=bare", report);
    assertThat(bare.statusCode()).isEqualTo(404);
    assertThat(bare.body()).contains("does not collect tests");
    HttpResponse<String> broken =
        pushAuthorized("project=p", "<testsuite>\n<testcase name=\"a\">\n</testsuite>".getBytes());
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).containsPattern("body:3:\\d+: not well-formed XML");
    HttpResponse<String> escape =
        pushAuthorized("project=p", traversalTar(), "Content-Type", "application/x-tar");
    assertThat(escape.statusCode()).isEqualTo(400);
    assertThat(escape.body()).contains("outside the report");
    assertThat(pushAuthorized("project=p&format=xml", report).statusCode()).isEqualTo(400);
    byte[] huge = new byte[(64 << 20) + 1];
    assertThat(pushAuthorized("project=p", huge).statusCode()).isEqualTo(413);
    // Each refusal asks the collector to run again (queued): its next samples hold the counts.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Double.valueOf(3.0)
                    .equals(
                        metrics()
                            .get(
                                "dx_reports_refused_total{project=\"p\",source=\"tests\",via=\"push\"}")));
    assertThat(metrics())
        .containsEntry("dx_reports_refused_total{project=\"p\",source=\"tests\",via=\"push\"}", 3.0)
        .doesNotContainKey("dx_tests{project=\"p\",report=\"tests\",result=\"passed\"}");
  }

  /** A ustar archive whose one entry is named ../escaped.xml (tar itself strips leading ../). */
  private static byte[] traversalTar() throws Exception {
    byte[] data = Files.readAllBytes(NEXTEST);
    byte[] header = new byte[512];
    put(header, 0, "../escaped.xml");
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", data.length));
    put(header, 136, "00000000000");
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header);
    out.write(data);
    out.write(new byte[(512 - data.length % 512) % 512]);
    out.write(new byte[1024]);
    return out.toByteArray();
  }

  private static void put(byte[] header, int at, String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, header, at, b.length);
  }

  @Test
  void withoutAUsableStoreAPushIs503AndTheDaemonServes() throws Exception {
    Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
    start(notADirectory.resolve("data"));
    HttpResponse<String> r = pushAuthorized("project=p", Files.readAllBytes(NEXTEST));
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("store is unavailable");
    assertThat(metrics())
        .containsKey(
            "dx_build_info{java_version=\""
                + System.getProperty("java.version")
                + "\",revision=\""
                + BuildInfo.load().revision()
                + "\",version=\""
                + BuildInfo.load().version()
                + "\"}");
    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> Double.valueOf(0).equals(metrics().get("dx_store_up")));
  }
}
