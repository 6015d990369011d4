package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.deps.CapFiles;
import dev.dxexporter.daemon.HeapHogDaemonMain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's OOM, as the chart runs the daemon: a child JVM with the chart's {@code javaOpts}
 * ({@code -Xmx256m}, serial GC, C1) over projects holding every dependency format just under its
 * size cap ({@link CapFiles}: 32 MiB Cargo.lock and package-lock.json, 8 MiB pom.xml and go.mod in
 * one project, a 512 KiB Cargo.toml and 4 MiB package.json in another, a 12 MiB v1 package-lock in
 * a third), next to a collector that ends every run in a real {@code OutOfMemoryError}. Collection
 * must keep going: every dependency collector succeeds again and again, the JVM metrics move,
 * /metrics and /-/healthy answer 200 throughout, and the only OutOfMemoryError in the log is the
 * hog's own.
 */
class HeapCapDaemonIT {
  private static final List<String> DEPS = List.of("locks", "manifests", "v1");
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void filesAtTheirCapsAndAnOutOfMemoryErrorDoNotStopCollectionUnderTheChartsHeap()
      throws Exception {
    for (String format : List.of("cargo-lock", "npm-lock", "pom", "go-mod")) {
      CapFiles.write(format, dir.resolve("locks"));
    }
    CapFiles.write("cargo-toml", dir.resolve("manifests"));
    CapFiles.write("package-json", dir.resolve("manifests"));
    CapFiles.write("npm-lock-v1", dir.resolve("v1"));
    Files.createDirectories(dir.resolve("hog"));
    Files.writeString(
        dir.resolve("dx.yml"),
        """
        global:
          dependencies: {schedule: 5s}
        projects:
          - {name: locks, path: locks}
          - {name: manifests, path: manifests}
          - {name: v1, path: v1}
          - {name: hog, path: hog, dependencies: {enabled: false}, heap_hog: {}}
        """);
    int port = ServerProcess.freePort();
    String base = "http://127.0.0.1:" + port;
    try (ServerProcess daemon =
        ServerProcess.start(
            "dx-exporter",
            dir,
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                HeapHogDaemonMain.class.getName(),
                "serve",
                "--config.file=dx.yml",
                "--web.listen-address=127.0.0.1:" + port))) {
      Map<String, Double> first =
          waitFor(base, daemon, m -> DEPS.stream().allMatch(p -> succeeded(m, p) > 0));
      Map<String, Double> later =
          waitFor(
              base,
              daemon,
              m ->
                  DEPS.stream().allMatch(p -> succeeded(m, p) > succeeded(first, p))
                      && m.getOrDefault(errors("hog", "heap_hog"), 0.0) >= 3
                      && !jvm(m).equals(jvm(first)));
      for (String project : DEPS) {
        assertThat(later)
            .as(project)
            .containsEntry(label("dx_collector_success", project, "dependencies"), 1.0)
            .containsEntry(errors(project, "dependencies"), 0.0);
        assertThat(later.entrySet())
            .filteredOn(e -> e.getKey().startsWith("dx_dependencies_read_success{"))
            .filteredOn(e -> e.getKey().contains("project=\"" + project + "\""))
            .isNotEmpty()
            .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(1.0));
      }
      assertThat(later).containsEntry(label("dx_collector_success", "hog", "heap_hog"), 0.0);
      assertThat(get(base + "/-/healthy").statusCode()).isEqualTo(200);
      List<String> oom =
          Files.readAllLines(dir.resolve("dx-exporter.log")).stream()
              .filter(l -> l.contains("OutOfMemoryError"))
              .toList();
      assertThat(oom).isNotEmpty().allSatisfy(l -> assertThat(l).contains("hog/heap_hog"));
    }
  }

  /**
   * Scrapes every 500 ms until {@code done}; every scrape and health check on the way must answer
   * 200 (collection is running meanwhile). The machine is shared: allow 5 minutes.
   */
  private Map<String, Double> waitFor(
      String base, ServerProcess daemon, Predicate<Map<String, Double>> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      assertThat(daemon.isAlive()).as(daemon.logTail()).isTrue();
      HttpResponse<String> metrics;
      try {
        metrics = get(base + "/metrics");
      } catch (java.io.IOException notListeningYet) {
        assertThat(System.nanoTime()).as(daemon.logTail()).isLessThan(deadline);
        Thread.sleep(500);
        continue;
      }
      assertThat(metrics.statusCode()).as(daemon.logTail()).isEqualTo(200);
      assertThat(get(base + "/-/healthy").statusCode()).as(daemon.logTail()).isEqualTo(200);
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

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double succeeded(Map<String, Double> m, String project) {
    return m.getOrDefault(
        label("dx_collector_last_success_timestamp_seconds", project, "dependencies"), 0.0);
  }

  /** The JVM's own figures that change on every runtime refresh (15 s). */
  private static Map<String, Double> jvm(Map<String, Double> m) {
    Map<String, Double> out = new HashMap<>();
    m.forEach(
        (k, v) -> {
          if (k.startsWith("jvm_memory_used_bytes") || k.startsWith("process_cpu_seconds_total")) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static String errors(String project, String collector) {
    return label("dx_collector_errors_total", project, collector);
  }

  private static String label(String name, String project, String collector) {
    return name + "{collector=\"" + collector + "\",project=\"" + project + "\"}";
  }

  private static Map<String, Double> parse(String text) {
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
