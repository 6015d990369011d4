package dev.dxexporter.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.dxexporter.http.Authentication;
import dev.dxexporter.http.HttpServer;
import dev.dxexporter.http.ListenAddress;
import dev.dxexporter.http.Route;
import dev.dxexporter.webconfig.WebConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid, cached basic-auth scrapes timed alone and then during a flood of wrong passwords from N
 * connections (a thread and a client each, new password every request), through a real Jetty on
 * 127.0.0.1. Prints p50, p99 and max of the valid scrapes and what the flood got back. Uses only
 * the server's public constructor, so the same main runs against older revisions.
 *
 * <p>{@code java -cp ... dev.dxexporter.bench.AuthFlood [connections=32] [scrapes=200] [cost=10]}
 */
public final class AuthFlood {
  private AuthFlood() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int scrapes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int cost = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String hash =
        new String(
            BCrypt.with(BCrypt.Version.VERSION_2Y).hash(cost, "alice123".toCharArray()),
            StandardCharsets.UTF_8);
    WebConfig web = new WebConfig(Optional.empty(), true, Map.of(), Map.of("alice", hash));
    HttpServer server =
        new HttpServer(
            List.of(ListenAddress.parse("127.0.0.1:0")),
            List.of(
                Route.get(
                    "/metrics", Authentication.WEB_CONFIG, ex -> ex.respondText(200, "x 1\n"))),
            web);
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.ports().get(0) + "/metrics");
    HttpClient scraper = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    scrape(scraper, uri, "alice123"); // caches the valid login
    report("no flood", time(scraper, uri, scrapes));

    AtomicBoolean flooding = new AtomicBoolean(true);
    Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    List<Thread> flood = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      int id = i;
      Thread t =
          new Thread(
              () -> {
                HttpClient client = HttpClient.newHttpClient();
                for (long n = 0; flooding.get(); n++) {
                  try {
                    int status = scrape(client, uri, "wrong-" + id + "-" + n);
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                  } catch (Exception e) {
                    statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                  }
                }
              });
      t.setDaemon(true);
      t.start();
      flood.add(t);
    }
    Thread.sleep(2_000); // let the flood fill the server's threads
    long start = System.nanoTime();
    report(connections + "-connection flood", time(scraper, uri, scrapes));
    double seconds = (System.nanoTime() - start) / 1e9;
    flooding.set(false);
    for (Thread t : flood) {
      t.join(30_000);
    }
    System.out.printf(
        "flood answers (status=count over the run, -1 = error): %s; %.1f s of timed scrapes%n",
        statuses, seconds);
    server.close();
  }

  private static long[] time(HttpClient client, URI uri, int n) throws Exception {
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      int status = scrape(client, uri, "alice123");
      nanos[i] = System.nanoTime() - t0;
      if (status != 200) {
        throw new IllegalStateException("valid scrape got " + status);
      }
    }
    return nanos;
  }

  private static int scrape(HttpClient client, URI uri, String password) throws Exception {
    String token =
        Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + token)
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-22s valid scrapes=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
        what,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
