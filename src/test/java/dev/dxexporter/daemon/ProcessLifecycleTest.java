package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.Main;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter as a real process: SIGHUP reloads the config, SIGTERM stops it cleanly (exit, port
 * released) even while a collector is busy.
 */
class ProcessLifecycleTest {
  @TempDir Path tmp;
  private Process process;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private int status(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String metrics(String base) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private void signal(String name) throws Exception {
    assertThat(
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor())
        .isZero();
  }

  @Test
  void sighupReloadsAndSigtermStopsAndReleasesThePort() throws Exception {
    Files.createDirectories(tmp.resolve("p/target"));
    Path config = tmp.resolve("dx.yml");
    Files.writeString(
        config,
        "projects:\n  - {name: p, path: p, caches: [{name: target, path: target}],"
            + " dependencies: {enabled: false}}\n");
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out.log").toFile())
            .start();
    await().atMost(Duration.ofSeconds(60)).until(() -> status(base + "/-/ready") == 200);

    Files.writeString(
        config,
        "projects:\n  - {name: renamed, path: p, caches: [{name: target, path: target}],"
            + " dependencies: {enabled: false}}\n");
    signal("HUP");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> metrics(base).contains("project=\"renamed\""));
    assertThat(metrics(base))
        .doesNotContain("project=\"p\"")
        .contains("dx_config_last_reload_successful 1.0");

    signal("TERM");
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    // A graceful stop on SIGTERM exits 0, as Prometheus does (not the JVM's default 128 + 15).
    assertThat(process.exitValue()).isZero();
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    List<String> log = Files.readAllLines(tmp.resolve("out.log"));
    assertThat(log).anyMatch(l -> l.contains("msg=\"shutting down\""));
    assertThat(log).noneMatch(l -> l.contains("level=error"));
  }

  @Test
  void startUpWarnsAtTheLineOfAProjectPathThatDoesNotExistAndServesTheRest() throws Exception {
    Files.createDirectories(tmp.resolve("p"));
    Path config = tmp.resolve("dx.yml");
    Files.writeString(
        config,
        "projects:\n  - {name: p, path: p, dependencies: {enabled: false}}\n"
            + "  - {name: gone, path: not-checked-out, dependencies: {enabled: false}}\n");
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> status("http://127.0.0.1:" + port + "/-/ready") == 200);
    assertThat(Files.readAllLines(tmp.resolve("out.log")))
        .anyMatch(
            l ->
                l.contains("level=warn")
                    && l.contains(
                        config
                            + ":3:24: projects[1].path: "
                            + tmp.resolve("not-checked-out")
                            + " does not exist"));
  }

  @Test
  void anInvalidConfigFileStopsStartUpWithItsErrors() throws Exception {
    Path config = tmp.resolve("dx.yml");
    Files.writeString(config, "projects:\n  - {name: p, path: p, cashes: []}\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--config.file=" + config,
                "--web.listen-address=127.0.0.1:0",
                "--log.format=json")
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(out)
        .contains("\"level\":\"error\"")
        .contains(config + ":2:24: projects[0].cashes: unknown key");
    assertThat(new File(config.toString())).exists();
  }
}
