package dev.dxexporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.webconfig.WebConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The connection cap and the request-header deadline, through a real Jetty on 127.0.0.1:0 and raw
 * sockets. The deadline here is 1 s; each slow client keeps sending, so Jetty's idle timeout (30 s)
 * never fires and only the deadline can close it.
 */
@Isolated("timing-sensitive: measures when the server closes slow connections")
class ConnectionLimitsTest {
  private static final String SCRAPE = "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n";
  private HttpServer server;
  private int port;

  private void serve(HttpLimits limits) throws Exception {
    server =
        new HttpServer(
            List.of(ListenAddress.parse("127.0.0.1:0")),
            List.of(Route.get("/ok", Authentication.NONE, ex -> ex.respondText(200, "ok\n"))),
            WebConfig.NONE,
            limits);
    server.start();
    port = server.ports().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** Sends {@code first}, then a header byte every 200 ms; the seconds until the server closes. */
  private static double trickleUntilClosed(RawHttp raw, String first, double maxSeconds)
      throws Exception {
    long start = System.nanoTime();
    raw.send(first);
    while ((System.nanoTime() - start) / 1e9 < maxSeconds) {
      if (raw.closedByServer()) { // waits the 200 ms read timeout
        return (System.nanoTime() - start) / 1e9;
      }
      try {
        raw.send("X");
      } catch (java.io.IOException e) {
        return (System.nanoTime() - start) / 1e9;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  @Test
  void aSlowlorisOnANewConnectionIsClosedWithinTheDeadline() throws Exception {
    serve(new HttpLimits(0, Duration.ofSeconds(1)));
    try (RawHttp raw = new RawHttp(port, 200)) {
      double closedAfter = trickleUntilClosed(raw, "GET /ok HTTP/1.1\r\nX-A: ", 6);

      assertThat(closedAfter).isBetween(0.9, 2.5);
    }
    assertThat(server.headerDeadlineClosures()).isEqualTo(1);
  }

  @Test
  void aSlowlorisOnAKeptAliveConnectionIsClosedWithinTheDeadline() throws Exception {
    serve(new HttpLimits(0, Duration.ofSeconds(1)));
    try (RawHttp raw = new RawHttp(port, 2_000)) {
      raw.send(SCRAPE);
      byte[] head = new byte[15];
      assertThat(raw.socket.getInputStream().readNBytes(head, 0, head.length)).isEqualTo(15);
      assertThat(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("HTTP/1.1 200 OK");
      Thread.sleep(1_500); // quiet between requests: longer than the deadline, still open
      raw.socket.setSoTimeout(200);
      raw.readAll();
      assertThat(raw.closedByServer()).isFalse();

      double closedAfter = trickleUntilClosed(raw, "GET /ok HTTP/1.1\r\nX-A: ", 6);

      assertThat(closedAfter).isBetween(0.9, 2.5);
    }
  }

  @Test
  void withoutADeadlineTheSameSlowlorisIsStillOpen() throws Exception {
    serve(new HttpLimits(0, Duration.ZERO));
    try (RawHttp raw = new RawHttp(port, 200)) {
      assertThat(trickleUntilClosed(raw, "GET /ok HTTP/1.1\r\nX-A: ", 3)).isInfinite();
    }
  }

  @Test
  void aSilentNewConnectionIsClosedAtTheDeadlineAndAPromptScrapeIsServed() throws Exception {
    serve(new HttpLimits(0, Duration.ofSeconds(1)));
    try (RawHttp silent = new RawHttp(port, 3_000);
        RawHttp prompt = new RawHttp(port, 3_000)) {
      prompt.send("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(prompt.readAll()).startsWith("HTTP/1.1 200 ");
      long start = System.nanoTime();
      assertThat(silent.closedByServer()).isTrue();
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.5);
    }
  }

  @Test
  void connectionsBeyondTheCapWaitAndAScrapeIsServedOnceTheyClose() throws Exception {
    serve(new HttpLimits(8, Duration.ZERO));
    List<RawHttp> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        idle.add(new RawHttp(port, 1_000)); // the kernel completes them; Jetty takes 8
      }
      try (RawHttp beyond = new RawHttp(port, 1_000)) {
        beyond.send(SCRAPE);
        assertThat(beyond.readAll()).as("not accepted while 8 are open").isEmpty();
      }
    } finally {
      for (RawHttp raw : idle) {
        raw.close();
      }
    }
    try (RawHttp scrape = new RawHttp(port, 5_000)) {
      scrape.send("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(scrape.readAll()).startsWith("HTTP/1.1 200 ");
    }
  }
}
