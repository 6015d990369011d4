package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The scrape loop of the heap-cap ITs: a daemon in a child JVM near its heap limit is scraped until
 * a condition holds, and every scrape and health check on the way must answer 200 (collection is
 * running meanwhile).
 */
final class HeapCapScrapes {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  HeapCapScrapes(String base) {
    this.base = base;
  }

  /** Scrapes every 500 ms until {@code done}. The machine is shared: allow 5 minutes. */
  Map<String, Double> waitFor(ServerProcess daemon, Predicate<Map<String, Double>> done)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      assertThat(daemon.isAlive()).as(daemon.logTail()).isTrue();
      HttpResponse<String> metrics;
      try {
        metrics = get("/metrics");
      } catch (java.io.IOException notListeningYet) {
        assertThat(System.nanoTime()).as(daemon.logTail()).isLessThan(deadline);
        Thread.sleep(500);
        continue;
      }
      assertThat(metrics.statusCode()).as(daemon.logTail()).isEqualTo(200);
      assertThat(get("/-/healthy").statusCode()).as(daemon.logTail()).isEqualTo(200);
      Map<String, Double> m = parse(metrics.body());
      if (done.test(m)) {
        return m;
      }
      assertThat(System.nanoTime())
          .as("%s\nlast scrape: %s", daemon.logTail(), m)
          .isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String errors(String project, String collector) {
    return label("dx_collector_errors_total", project, collector);
  }

  static String label(String name, String project, String collector) {
    return name + "{collector=\"" + collector + "\",project=\"" + project + "\"}";
  }

  /** Sample lines by series (name and labels as written). */
  static Map<String, Double> parse(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (!line.startsWith("#") && space > 0) {
        try {
          out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        } catch (NumberFormatException ignored) {
          // not a sample line
        }
      }
    }
    return out;
  }
}
