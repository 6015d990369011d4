package dev.dxexporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.cache.CacheMetrics;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SnapshotRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoints on a real Jetty, bound to a free loopback port. */
class ExporterHttpTest {
  private static final MetricFamily SIZE =
      MetricFamily.gauge("dx_cache_size_bytes", "Size. Refreshed on the collector's schedule.");
  private final SnapshotRegistry registry = new SnapshotRegistry(List.of(), MetricSnapshots::of);

  private final java.util.List<SnapshotRegistry.Registration> registered =
      new java.util.ArrayList<>();

  /** Registers {@code id} (owned by itself) beside those registered before. */
  private void register(CollectorId id, double interval) {
    registered.add(new SnapshotRegistry.Registration(id, interval, id));
    registry.install(registered);
  }

  private final CollectorId id = new CollectorId("demo", "cache:target");
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private String base;
  private java.util.Optional<String> reloadAnswer = java.util.Optional.empty();

  @BeforeEach
  void start() throws Exception {
    register(id, 60);
    server =
        new HttpServer(
            List.of(ListenAddress.parse("127.0.0.1:0"), ListenAddress.parse("127.0.0.1:0")),
            ExporterRoutes.of(
                "/metrics",
                "1.2.3",
                new ExporterStatus() {
                  public dev.dxexporter.metrics.RenderedMetrics rendered() {
                    return registry.rendered();
                  }

                  public List<dev.dxexporter.metrics.CollectorState> collectors() {
                    return registry.states();
                  }

                  public boolean ready() {
                    return registry.allRanOnce();
                  }

                  public java.util.concurrent.CompletionStage<java.util.Optional<String>> reload() {
                    return java.util.concurrent.CompletableFuture.completedFuture(reloadAnswer);
                  }
                }),
            dev.dxexporter.webconfig.WebConfig.NONE);
    server.start();
    base = "http://127.0.0.1:" + server.ports().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> method(String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void readinessFollowsTheFirstRunAndHealthIsAlwaysUp() throws Exception {
    assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    assertThat(get("/-/ready").statusCode()).isEqualTo(503);
    assertThat(method("HEAD", "/-/ready").statusCode()).isEqualTo(503);
    registry.recordSuccess(id, id, List.of(), 0.1, Instant.now());
    assertThat(get("/-/ready").statusCode()).isEqualTo(200);
    assertThat(method("HEAD", "/-/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void servesTextOpenMetricsAndGzipFromTheRenderedBytes() throws Exception {
    registry.recordSuccess(
        id,
        id,
        List.of(Sample.of(SIZE, 123, "project", "demo", "cache", "target")),
        0.1,
        Instant.now());
    HttpResponse<byte[]> text = get("/metrics");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/plain; version=0.0.4");
    assertThat(body(text)).contains("dx_cache_size_bytes{cache=\"target\",project=\"demo\"} 123.0");

    HttpResponse<byte[]> om =
        get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0,text/plain;q=0.5");
    assertThat(om.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/openmetrics-text");
    assertThat(body(om)).endsWith("# EOF\n");

    HttpResponse<byte[]> gz = get("/metrics", "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(text.body());
    }
    HttpResponse<byte[]> head = method("HEAD", "/metrics");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length"))
        .contains(Integer.toString(text.body().length));
  }

  @Test
  void landingPageListsCollectorsAndLinksToMetrics() throws Exception {
    registry.recordFailure(
        id, id, "scan of /x exceeded <1m>", 60, Instant.parse("2026-01-02T03:04:05Z"));
    HttpResponse<byte[]> page = get("/");
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");
    assertThat(body(page))
        .contains(
            "<title>dx-exporter</title>",
            "Version: 1.2.3",
            "href=\"./metrics\"",
            "<td>demo</td><td>cache:target</td><td>failing</td><td>1m</td><td>2026-01-02T03:04:05Z</td>",
            "scan of /x exceeded &lt;1m&gt;");
  }

  @Test
  void landingPageShowsACacheScanThatSkippedEntriesAsIncompleteWithALowerBound() throws Exception {
    registry.recordSuccess(
        id,
        id,
        List.of(
            Sample.of(CacheMetrics.PRESENT, 1, "project", "demo", "cache", "target"),
            Sample.of(CacheMetrics.SIZE_BYTES, 12288, "project", "demo", "cache", "target"),
            Sample.of(CacheMetrics.SCAN_ERRORS, 3, "project", "demo", "cache", "target"),
            Sample.of(CacheMetrics.SCAN_COMPLETE, 0, "project", "demo", "cache", "target")),
        0.1,
        Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(body(get("/")))
        .contains(
            "<tr class=\"incomplete\"><td>demo</td><td>cache:target</td><td>incomplete</td>",
            "3 entries could not be read (permissions?): the size is a lower bound");
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> post = method("POST", "/metrics");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(get("/metrics").headers().firstValue("Server")).isEmpty();
  }

  @Test
  void reloadIsPostOnlyAndReportsARefusedConfig() throws Exception {
    assertThat(get("/-/reload").statusCode()).isEqualTo(405);
    assertThat(method("POST", "/-/reload").statusCode()).isEqualTo(200);
    reloadAnswer = java.util.Optional.of("dx.yml:3:5: projects[0].colour: unknown key");
    HttpResponse<byte[]> refused = method("POST", "/-/reload");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(body(refused)).contains("dx.yml:3:5: projects[0].colour: unknown key");
  }

  @Test
  void everyListenAddressServes() throws Exception {
    String second = "http://127.0.0.1:" + server.ports().get(1) + "/-/healthy";
    assertThat(
            client
                .send(
                    HttpRequest.newBuilder(URI.create(second)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void listenAddressForms() {
    assertThat(ListenAddress.parse(":29100")).isEqualTo(new ListenAddress(null, 29100));
    assertThat(ListenAddress.parse("[::1]:80")).isEqualTo(new ListenAddress("::1", 80));
    assertThat(ListenAddress.parse("[::1]:80").toString()).isEqualTo("[::1]:80");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListenAddress.parse("29100"))
        .hasMessageContaining("needs a port");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListenAddress.parse(":70000"))
        .hasMessageContaining("out of range");
  }
}
