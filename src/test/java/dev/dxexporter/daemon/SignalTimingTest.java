package dev.dxexporter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals as a real process receives them: SIGTERM at any moment of start-up (from the first log
 * line, when the handlers are in place, to well after the first collections) stops the daemon
 * promptly with exit status 0; under {@code nohup}, the ignored SIGHUP is reported, not silently
 * lost.
 */
@org.junit.jupiter.api.parallel.Isolated("timing-sensitive: measures how long runs and stops take")
class SignalTimingTest {
  @TempDir Path tmp;

  private Process launch(List<String> prefix, Path log) throws IOException {
    Files.createDirectories(tmp.resolve("project/target/debug"));
    for (int i = 0; i < 200; i++) {
      Files.writeString(tmp.resolve("project/target/debug/f" + i), "x".repeat(i));
    }
    Files.writeString(tmp.resolve("project/Cargo.toml"), "[package]\nname = \"p\"\n");
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--web.listen-address=127.0.0.1:0"));
    return new ProcessBuilder(command)
        .directory(tmp.resolve("project").toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitLine(Path log, String text, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no \"" + text + "\" in " + Files.readString(log));
  }

  @Test
  void sigtermAtAnyMomentOfStartUpStopsPromptlyWithExitZero() throws Exception {
    for (long delayMillis : new long[] {0, 30, 100, 250, 500, 1000, 2000}) {
      Path log = tmp.resolve("out-" + delayMillis + ".log");
      Process p = launch(List.of(), log);
      try {
        awaitLine(log, "Starting dx-exporter", Duration.ofSeconds(60));
        Thread.sleep(delayMillis);
        long sent = System.nanoTime();
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(5, TimeUnit.SECONDS))
            .as("stopped within 5 s of a SIGTERM %d ms into start-up", delayMillis)
            .isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertThat(p.exitValue()).as("exit status, SIGTERM at +%d ms", delayMillis).isZero();
        assertThat(took)
            .as("stop time, SIGTERM at +%d ms", delayMillis)
            .isLessThan(Duration.ofSeconds(3));
      } finally {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void underNohupTheIgnoredSighupIsReported() throws Exception {
    Path log = tmp.resolve("nohup.log");
    Process p = launch(List.of("nohup"), log);
    try {
      awaitLine(log, "listening on", Duration.ofSeconds(60));
      assertThat(Files.readString(log)).contains("SIGHUP is ignored by this process");
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
