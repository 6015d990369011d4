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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments while reports are pushed to a real daemon (a child JVM), many
 * times: every push that was answered 201 is in the store after the restart (pushing it again is a
 * duplicate, 200), and the metrics come back from the store without any file on disk.
 */
class PushKillNineTest {
  private static final int ROUNDS = 15;
  @TempDir Path tmp;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private Process launch(Path config, int port) throws IOException {
    ProcessBuilder b =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--config.file=" + config,
                "--storage.path=" + tmp.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("out.log").toFile()));
    b.environment().put("DX_PUSH_TOKEN_TEST", "t");
    return b.start();
  }

  private static String report(int n) {
    return "<testsuite name=\"s\" tests=\"2\"><testcase classname=\"c\" name=\"case-"
        + n
        + "\" time=\"0.5\"/><testcase classname=\"c\" name=\"other\" time=\"0.1\"><failure/></testcase></testsuite>";
  }

  private int push(String base, int n) {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          base + "/api/v1/reports?project=p&report=r" + (n % 5) + "&run=" + n))
                  .header("Authorization", "Bearer t")
                  .POST(HttpRequest.BodyPublishers.ofString(report(n)))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1; // the daemon is down or was killed mid-request: not acknowledged
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean ready(String base) {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void everyAcknowledgedPushSurvivesKillNine() throws Exception {
    Files.createDirectories(tmp.resolve("p"));
    Path config =
        Files.writeString(
            tmp.resolve("dx.yml"),
            "projects:\n  - {name: p, path: p, dependencies: {enabled: false}, tests: {reports: []},"
                + " push: {token: {env: DX_PUSH_TOKEN_TEST}}}\n");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    Random random = new Random(20261202);
    List<Integer> acknowledged = new ArrayList<>();
    int n = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Process p = launch(config, port);
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ready(base) && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        // Push from another thread; kill at a random moment while pushes are in flight.
        List<Integer> mine = new ArrayList<>();
        int first = n;
        Thread pusher =
            new Thread(
                () -> {
                  for (int i = first; i < first + 1000; i++) {
                    if (push(base, i) == 201) {
                      synchronized (mine) {
                        mine.add(i);
                      }
                    } else if (!p.isAlive()) {
                      return;
                    }
                  }
                });
        pusher.start();
        // Kill once a push has been acknowledged, at a random moment after: on a loaded machine a
        // fixed delay could kill before the first answer and test nothing.
        long ackDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < ackDeadline) {
          synchronized (mine) {
            if (!mine.isEmpty()) {
              break;
            }
          }
          Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(900));
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        pusher.join(20_000);
        synchronized (mine) {
          acknowledged.addAll(mine);
        }
        n = first + 1000;
      } finally {
        p.destroyForcibly();
      }
    }
    assertThat(acknowledged)
        .as("pushes acknowledged before the kills")
        .hasSizeGreaterThanOrEqualTo(ROUNDS);
    System.out.printf(
        "PushKillNineTest: %d kills, %d pushes acknowledged, every one checked after restart%n",
        ROUNDS, acknowledged.size());
    Process p = launch(config, port);
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!ready(base) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      for (int i : acknowledged) {
        assertThat(push(base, i)).as("push %d was acknowledged before a kill -9", i).isEqualTo(200);
      }
      String metrics =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics).contains("dx_tests{project=\"p\",report=\"r0\",result=\"failed\"} 1.0");
    } finally {
      p.destroyForcibly();
    }
  }
}
