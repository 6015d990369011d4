package dev.dxexporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 12's fd exhaustion, scaled down: a server in a child JVM under {@code prlimit
 * --nofile=256}, 400 idle connections held open against it. Without a cap the process runs out of
 * descriptors ("Too many open files" on every accept) and a scrape waits behind the idle sockets
 * for ever; with a cap of 100 and a 2 s header deadline, the idle ones are accepted and closed in
 * rounds and a valid scrape is answered while they are still held.
 */
@Isolated("timing-sensitive: a child JVM and 400 sockets")
class FdLimitTest {
  @TempDir Path dir;

  @Test
  void idleConnectionsBeyondTheFdLimitDoNotTakeThePortAway() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "needs prlimit (util-linux)");
    Path stderr = dir.resolve("stderr.txt");
    Process child =
        new ProcessBuilder(
                "/usr/bin/prlimit",
                "--nofile=256:256",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                CappedServerMain.class.getName(),
                "100",
                "2000")
            .redirectError(stderr.toFile())
            .start();
    List<RawHttp> idle = new ArrayList<>();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("child started; stderr: %s", stderr).startsWith("port=");
      int port = Integer.parseInt(line.substring(5));
      for (int i = 0; i < 400; i++) {
        idle.add(new RawHttp(port, 1_000));
      }

      try (RawHttp scrape = new RawHttp(port, 20_000)) {
        scrape.send("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(scrape.readAll()).startsWith("HTTP/1.1 200 ");
      }
      assertThat(Files.readString(stderr)).doesNotContain("Too many open files");
    } finally {
      for (RawHttp raw : idle) {
        raw.close();
      }
      child.destroy();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
