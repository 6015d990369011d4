package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.http.ListenAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads as users send them: an unchanged collector is neither re-run nor interrupted (a running
 * one finishes and is recorded), a reload never counts as a collector error, changed collectors run
 * again with their counters kept, and a storm of concurrent reloads is coalesced without holding
 * HTTP threads, so scrapes stay fast.
 */
@org.junit.jupiter.api.parallel.Isolated("timing-sensitive: measures how long runs and stops take")
class ReloadTest {
  @TempDir Path tmp;
  private final CountingSource counting = new CountingSource();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger loads = new AtomicInteger();
  private volatile Duration loadDelay = Duration.ZERO;
  private Daemon daemon;
  private Path config;
  private String base;

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private void start(String yaml) throws Exception {
    Files.createDirectories(tmp.resolve("p"));
    config = Files.writeString(tmp.resolve("dx.yml"), yaml);
    ConfigLoader loader = new ConfigLoader(List.of(counting), tmp, Map.of());
    Daemon.ConfigSource source =
        () -> {
          loads.incrementAndGet();
          try {
            Thread.sleep(loadDelay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return loader.load(config);
        };
    DxConfig first = loader.load(config);
    daemon =
        Daemon.start(
            BuildInfo.load(),
            List.of(counting),
            first,
            source,
            Daemon.Web.none(),
            new Daemon.Options(
                List.of(ListenAddress.parse("127.0.0.1:0")), "/metrics", 4, Duration.ofSeconds(5)),
            new Services(Clock.systemUTC(), 1));
    base = "http://127.0.0.1:" + daemon.ports().get(0);
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, Double> metrics() throws Exception {
    return DaemonIntegrationTest.parse(send("GET", "/metrics").body());
  }

  @Test
  void tenReloadsNeitherRerunNorCancelNorCountErrors() throws Exception {
    start(
        """
        projects:
          - name: p
            path: p
            counters:
              - {name: quick}
              - {name: slow, sleep: 3s}
        """);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> CountingSource.get(counting.started, "p/slow") == 1);
    // The slow collector is mid-run now; reload ten times while it runs.
    for (int i = 0; i < 10; i++) {
      assertThat(send("POST", "/-/reload").statusCode()).isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> send("GET", "/-/ready").statusCode() == 200);
    assertThat(CountingSource.get(counting.interrupted, "p/slow")).isZero();
    assertThat(CountingSource.get(counting.started, "p/slow")).isEqualTo(1);
    assertThat(CountingSource.get(counting.started, "p/quick")).isEqualTo(1);
    Map<String, Double> m = metrics();
    for (String c : List.of("quick", "slow")) {
      String labels = "{collector=\"counter:" + c + "\",project=\"p\"}";
      assertThat(m).containsEntry("dx_collector_errors_total" + labels, 0.0);
      assertThat(m).containsEntry("dx_collector_success" + labels, 1.0);
    }
    assertThat(m).containsEntry("dx_config_last_reload_successful", 1.0);
  }

  @Test
  void aChangedCollectorRunsAgainWithItsCountersAndARemovedOneDisappears() throws Exception {
    start(
        """
        projects:
          - name: p
            path: p
            counters: [{name: a}, {name: b}, {name: c}]
        """);
    await().atMost(Duration.ofSeconds(10)).until(() -> send("GET", "/-/ready").statusCode() == 200);
    Files.writeString(
        config,
        """
        projects:
          - name: p
            path: p
            counters: [{name: a}, {name: b, schedule: 2h}, {name: d}]
        """);
    assertThat(send("POST", "/-/reload").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> send("GET", "/-/ready").statusCode() == 200);
    assertThat(CountingSource.get(counting.started, "p/a")).isEqualTo(1); // unchanged
    assertThat(CountingSource.get(counting.started, "p/b")).isEqualTo(2); // schedule changed
    assertThat(CountingSource.get(counting.started, "p/d")).isEqualTo(1); // new
    Map<String, Double> m = metrics();
    assertThat(m.keySet()).noneMatch(k -> k.contains("counter=\"c\"") || k.contains("counter:c"));
    assertThat(m).containsEntry("dx_test_counter_runs{counter=\"b\",project=\"p\"}", 2.0);
    assertThat(m)
        .containsEntry(
            "dx_collector_interval_seconds{collector=\"counter:b\",project=\"p\"}", 7200.0);
  }

  @Test
  void aStormOfConcurrentReloadsIsCoalescedAndScrapesStayFast() throws Exception {
    start("projects:\n  - {name: p, path: p, counters: [{name: a}]}\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> send("GET", "/-/ready").statusCode() == 200);
    loads.set(0);
    loadDelay = Duration.ofMillis(500);
    // 40 reloads at once: more than the 16 HTTP threads. Blocking them would queue the scrapes.
    List<CompletableFuture<HttpResponse<String>>> storm = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      storm.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + "/-/reload"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    AtomicLong slowestScrape = new AtomicLong();
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);
      slowestScrape.accumulateAndGet(System.nanoTime() - t0, Math::max);
      Thread.sleep(25);
    }
    for (CompletableFuture<HttpResponse<String>> r : storm) {
      assertThat(r.get().statusCode()).isEqualTo(200);
    }
    // Each reload takes 500 ms here, so 40 blocking reloads would take 20 s in turn and hold
    // every HTTP thread; coalesced, one runs and the rest join the single pending one.
    assertThat(loads.get()).as("config loads for 40 requests").isBetween(1, 4);
    assertThat(Duration.ofNanos(slowestScrape.get())).isLessThan(Duration.ofSeconds(1));
  }
}
