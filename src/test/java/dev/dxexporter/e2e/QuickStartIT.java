package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a new user runs it: the shaded jar, no config, started inside a Cargo
 * project. Its metrics must show the project's cache and dependencies, and the exposition must pass
 * real `promtool check metrics` (Prometheus' own lint).
 */
class QuickStartIT {
  @TempDir Path tmp;

  @Test
  void zeroConfigInsideACargoProjectServesCorrectLintCleanMetrics() throws Exception {
    String promtool = Binaries.promtool();
    Path project = tmp.resolve("shop");
    Fixtures.cargoWorkspace(project, 12);
    Fixtures.cache(project.resolve("target"), 0);
    Path home = Files.createDirectories(tmp.resolve("home"));
    // Another ecosystem's user cache: a Cargo project must not be charged with it (issue 11).
    Fixtures.cache(home.resolve(".m2/repository"), 0);
    Files.createDirectories(home.resolve(".cargo/registry"));
    int port = ServerProcess.freePort();
    String base = "http://127.0.0.1:" + port;
    String jar =
        Path.of(System.getProperty("dx.jar", "target/dx-exporter.jar")).toAbsolutePath().toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    try (ServerProcess exporter =
        ServerProcess.start(
            "exporter",
            project,
            List.of(
                java,
                "-Duser.home=" + home,
                "-jar",
                jar,
                "--web.listen-address=127.0.0.1:" + port))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Http.status(base + "/-/ready") == 200);
      String text = get(base + "/metrics");

      String cache = "{cache=\"target\",project=\"shop\",scope=\"project\"}";
      assertThat(value(text, "dx_cache_size_bytes" + cache))
          .isEqualTo(Fixtures.diskUsage(project.resolve("target")));
      // The Cargo registry is the user's, shared by every project: no project label.
      if (System.getenv("CARGO_HOME") == null) {
        assertThat(value(text, "dx_cache_present{cache=\"cargo-registry\",scope=\"user\"}"))
            .isEqualTo(1);
      }
      assertThat(text).doesNotContain("maven-repository");
      assertThat(value(text, "dx_dependencies_distinct{ecosystem=\"cargo\",project=\"shop\"}"))
          .isEqualTo(12);
      assertThat(value(text, "dx_collector_success{collector=\"dependencies\",project=\"shop\"}"))
          .isEqualTo(1);

      Path exposition = tmp.resolve("metrics.txt");
      Files.writeString(exposition, text);
      Process lint =
          new ProcessBuilder(promtool, "check", "metrics")
              .redirectInput(exposition.toFile())
              .redirectErrorStream(true)
              .start();
      String problems = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(lint.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(problems).as("promtool check metrics output").isEmpty();
      assertThat(lint.exitValue()).isZero();
      assertThat(exporter.isAlive()).isTrue();
    }
  }

  private static String get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The value of one sample line, by its name and label set as the text format writes them. */
  private static long value(String text, String series) {
    return text.lines()
        .filter(l -> l.startsWith(series + " "))
        .map(l -> (long) Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + series + " in:\n" + text));
  }
}
