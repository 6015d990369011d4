package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's {@code bin/dx-exporter} as the README's commands use it: {@code --version},
 * {@code config check} with its exit codes, and {@code serve}, whose JVM must get every line of
 * {@code bin/jvm.options} in order with JAVA_OPTS after them (so they override), run from a symlink
 * elsewhere on PATH as a package would install it.
 */
class LauncherIT {
  private static final Path DIST = Path.of(System.getProperty("dx.dist", "target/missing"));
  @TempDir Path tmp;

  @Test
  void versionAndConfigCheckWorkFromASymlinkedLauncher() throws Exception {
    Path launcher = symlinkedLauncher();
    Command version = Command.run(tmp, List.of(launcher.toString(), "--version"));
    assertThat(version.exit()).as(version.output()).isZero();
    assertThat(version.output()).contains("dx-exporter");

    Files.writeString(tmp.resolve("good.yml"), "projects:\n  - {name: a, path: .}\n");
    Files.writeString(tmp.resolve("bad.yml"), "projects:\n  - {name: a, path: ., cachez: []}\n");
    Command good = Command.run(tmp, List.of(launcher.toString(), "config", "check", "good.yml"));
    assertThat(good.exit()).as(good.output()).isZero();
    Command bad = Command.run(tmp, List.of(launcher.toString(), "config", "check", "bad.yml"));
    assertThat(bad.exit()).as(bad.output()).isEqualTo(1);
    assertThat(bad.output()).contains("bad.yml:2:").contains("cachez");
  }

  @Test
  void serveRunsWithTheShippedJvmOptionsAndJavaOptsLast() throws Exception {
    Path launcher = symlinkedLauncher();
    List<String> options =
        Files.readAllLines(DIST.resolve("bin/jvm.options")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertThat(options).contains("-Xmx256m");
    Files.createDirectories(tmp.resolve("shop"));
    Files.writeString(tmp.resolve("dx.yml"), "projects:\n  - {name: shop, path: shop}\n");
    int port = ServerProcess.freePort();
    String base = "http://127.0.0.1:" + port;
    ProcessBuilder pb =
        new ProcessBuilder(
                launcher.toString(),
                "serve",
                "--config.file=dx.yml",
                "--web.listen-address=127.0.0.1:" + port)
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("serve.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("JAVA_OPTS", "-Xmx96m -Ddx.launcher.test=yes");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Process serve = pb.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (Http.status(base + "/-/ready") != 200) {
        assertThat(serve.isAlive()).as(log()).isTrue();
        assertThat(System.nanoTime()).as(log()).isLessThan(deadline);
        Thread.sleep(200);
      }
      // exec: the launcher's process is the JVM itself, so signals and systemd's $MAINPID reach it.
      List<String> argv =
          Arrays.asList(
              new String(
                      Files.readAllBytes(Path.of("/proc", Long.toString(serve.pid()), "cmdline")),
                      StandardCharsets.UTF_8)
                  .split("\0"));
      assertThat(argv.get(0)).isEqualTo(System.getProperty("java.home") + "/bin/java");
      assertThat(argv.subList(1, 1 + options.size())).isEqualTo(options);
      assertThat(argv.subList(1 + options.size(), argv.size()))
          .startsWith("-Xmx96m", "-Ddx.launcher.test=yes", "-jar")
          .endsWith("serve", "--config.file=dx.yml", "--web.listen-address=127.0.0.1:" + port);
      // The JVM's series join the page at the next batched render after their first reading,
      // which can come after /-/ready: ask again for up to 20 s before judging.
      String metrics = "";
      long until = System.nanoTime() + 20_000_000_000L;
      do {
        metrics =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        if (metrics.contains("jvm_gc_collection_seconds")) {
          break;
        }
        Thread.sleep(200);
      } while (System.nanoTime() < until);
      assertThat(metrics).contains("dx_build_info{").contains("jvm_gc_collection_seconds");
      assertThat(metrics).as("serial GC's collectors").contains("gc=\"Copy\"");
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }

  private String log() {
    try {
      return Files.readString(tmp.resolve("serve.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** bin/dx-exporter linked from another directory: the launcher must find jvm.options and lib/. */
  private Path symlinkedLauncher() throws Exception {
    assertThat(DIST.resolve("bin/dx-exporter"))
        .as("mvn package builds the distribution")
        .isExecutable();
    Path link = Files.createDirectories(tmp.resolve("usr-bin")).resolve("dx-exporter");
    Files.createSymbolicLink(link, DIST.resolve("bin/dx-exporter").toAbsolutePath());
    return link;
  }
}
