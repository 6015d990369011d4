package dev.dxexporter.e2e;

import static dev.dxexporter.e2e.HeapCapScrapes.errors;
import static dev.dxexporter.e2e.HeapCapScrapes.label;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.deps.CapFiles;
import dev.dxexporter.daemon.HeapHogDaemonMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    HeapCapScrapes scrapes = new HeapCapScrapes("http://127.0.0.1:" + port);
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
          scrapes.waitFor(daemon, m -> DEPS.stream().allMatch(p -> succeeded(m, p) > 0));
      Map<String, Double> later =
          scrapes.waitFor(
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
      assertThat(scrapes.get("/-/healthy").statusCode()).isEqualTo(200);
      List<String> oom =
          Files.readAllLines(dir.resolve("dx-exporter.log")).stream()
              .filter(l -> l.contains("OutOfMemoryError"))
              .toList();
      assertThat(oom).isNotEmpty().allSatisfy(l -> assertThat(l).contains("hog/heap_hog"));
    }
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
}
