package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the moment the port is open, every answer is a real one: {@code /-/ready} 503 until the
 * collectors ran, then 200; {@code /metrics} 200 (the self-metrics first); never a 500 page.
 */
class StartupServingTest {
  @TempDir Path tmp;

  @Test
  void fromTheFirstConnectionNoEndpointAnswers500() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project/target"));
    for (int i = 0; i < 2000; i++) {
      Files.writeString(project.resolve("f" + i), "x");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--web.listen-address=127.0.0.1:" + port)
            .directory(tmp.resolve("project").toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out.log").toFile())
            .start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    Map<String, Integer> seen = new TreeMap<>();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      boolean ready = false;
      while (!ready && System.nanoTime() < deadline) {
        for (String path : new String[] {"/-/ready", "/metrics", "/", "/-/healthy"}) {
          int status = status(http, "http://127.0.0.1:" + port + path);
          if (status > 0) {
            seen.merge(path + " " + status, 1, Integer::sum);
          }
          ready |= path.equals("/-/ready") && status == 200;
        }
      }
      assertThat(ready).as("ready within 60 s; seen %s", seen).isTrue();
    } finally {
      p.destroy();
    }
    assertThat(seen.keySet()).noneMatch(k -> k.endsWith(" 500"));
    assertThat(seen.keySet()).allMatch(k -> k.endsWith(" 200") || k.equals("/-/ready 503"));
  }

  private static int status(HttpClient http, String url) throws InterruptedException {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1; // not listening yet
    }
  }
}
