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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One daemon, many projects, a small pool: 500 projects of 2 collectors each on 2 workers. Every
 * collector has its start-up run, exactly one (none skipped, none doubled), the daemon turns ready
 * with all of them in /metrics, and a reload of the unchanged file runs none of them again. How
 * fast is bench/scale.sh's business; this counts.
 */
class ManyProjectsTest {
  private static final int PROJECTS = 500;
  @TempDir Path tmp;
  private final CountingSource counting = new CountingSource();
  private final HttpClient http = HttpClient.newHttpClient();
  private Daemon daemon;

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private HttpResponse<String> send(String method, String base, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyCollectorRunsOnceAtStartUpAndAReloadRerunsNone() throws Exception {
    StringBuilder yaml = new StringBuilder("projects:\n");
    for (int i = 0; i < PROJECTS; i++) {
      Files.createDirectories(tmp.resolve("p" + i));
      yaml.append("  - {name: p")
          .append(i)
          .append(", path: p")
          .append(i)
          .append(", counters: [{name: a}, {name: b}]}\n");
    }
    Path config = Files.writeString(tmp.resolve("dx.yml"), yaml);
    ConfigLoader loader = new ConfigLoader(List.of(counting), tmp, Map.of());
    DxConfig first = loader.load(config);
    daemon =
        Daemon.start(
            BuildInfo.load(),
            List.of(counting),
            first,
            () -> loader.load(config),
            Daemon.Web.none(),
            new Daemon.Options(
                List.of(ListenAddress.parse("127.0.0.1:0")), "/metrics", 2, Duration.ofSeconds(5)),
            new Services(Clock.systemUTC(), 1));
    String base = "http://127.0.0.1:" + daemon.ports().get(0);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> send("GET", base, "/-/ready").statusCode() == 200);
    // Ready means shown: every collector's own sample is in the exposition that readiness read.
    String metrics = send("GET", base, "/metrics").body();
    assertThat(metrics.lines().filter(l -> l.startsWith("dx_test_counter_runs{")).count())
        .isEqualTo(2L * PROJECTS);
    assertThat(counting.started).hasSize(2 * PROJECTS);
    assertThat(counting.started.values()).extracting(AtomicInteger::get).containsOnly(1);

    assertThat(send("POST", base, "/-/reload").statusCode()).isEqualTo(200);
    Thread.sleep(1_000); // a re-run would be queued at once; give the workers time to show it
    assertThat(counting.started.values()).extracting(AtomicInteger::get).containsOnly(1);
    assertThat(counting.interrupted).isEmpty();
  }
}
