package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder as its own JVM ({@link RecordingMain}), the way {@code dx-exporter record} runs: its
 * standard streams pass through untouched, and SIGTERM sent to it reaches the command.
 */
class RecorderProcessTest {
  @TempDir Path tmp;
  private Process recorder;

  @AfterEach
  void kill() {
    if (recorder != null) {
      recorder.destroyForcibly();
    }
  }

  private ProcessBuilder recorderJvm(String... command) {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(List.of("-cp", System.getProperty("java.class.path")));
    argv.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
    argv.add(RecordingMain.class.getName());
    argv.addAll(List.of(tmp.resolve("record").toString(), "20", "b", "clean", "--"));
    argv.addAll(List.of(command));
    return new ProcessBuilder(argv);
  }

  private List<String> record() throws Exception {
    return Files.readAllLines(tmp.resolve("record"));
  }

  @Test
  void stdinStdoutAndStderrPassThroughByteForByte() throws Exception {
    byte[] input = new byte[300_000];
    new Random(42).nextBytes(input);
    Files.write(tmp.resolve("in"), input);
    recorder =
        recorderJvm("sh", "-c", "cat; printf 'to stderr \\001\\377' >&2; exit 5")
            .redirectInput(tmp.resolve("in").toFile())
            .redirectOutput(tmp.resolve("out").toFile())
            .redirectError(tmp.resolve("err").toFile())
            .start();
    assertThat(recorder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.exitValue()).isEqualTo(5);
    assertThat(Files.readAllBytes(tmp.resolve("out"))).isEqualTo(input);
    assertThat(Files.readAllBytes(tmp.resolve("err")))
        .isEqualTo(new byte[] {'t', 'o', ' ', 's', 't', 'd', 'e', 'r', 'r', ' ', 1, (byte) 0xff});
    assertThat(record()).contains("exit_code=5", "signal=0", "name=b", "kind=clean");
  }

  @Test
  void sigtermToTheRecorderReachesTheCommandAndItsExitCodeIsReported() throws Exception {
    Path ready = tmp.resolve("ready");
    Path saw = tmp.resolve("saw");
    String script =
        "trap 'echo TERM > \"$1\"; kill $child; exit 143' TERM INT;"
            + " sleep 30 & child=$!; echo ready > \"$2\"; wait $child";
    recorder =
        recorderJvm("sh", "-c", script, "sh", saw.toString(), ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out").toFile())
            .start();
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ready));

    recorder.destroy(); // SIGTERM to the recorder's JVM, not to the command
    assertThat(recorder.waitFor(20, TimeUnit.SECONDS)).as("recorder exited").isTrue();

    assertThat(Files.readString(saw)).isEqualTo("TERM\n");
    assertThat(recorder.exitValue()).isEqualTo(143);
    assertThat(record()).contains("exit_code=143", "signal=15");
    assertThat(Files.readString(tmp.resolve("out"))).isEmpty();
  }

  @Test
  void sigintIsForwardedAsSigint() throws Exception {
    Path ready = tmp.resolve("ready");
    Path saw = tmp.resolve("saw");
    String script =
        "trap 'echo INT > \"$1\"; kill $child; exit 130' INT;"
            + " sleep 30 & child=$!; echo ready > \"$2\"; wait $child";
    recorder =
        recorderJvm("sh", "-c", script, "sh", saw.toString(), ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out").toFile())
            .start();
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ready));

    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(recorder.pid())).start().waitFor())
        .isZero();
    assertThat(recorder.waitFor(20, TimeUnit.SECONDS)).as("recorder exited").isTrue();

    assertThat(Files.readString(saw)).isEqualTo("INT\n");
    assertThat(recorder.exitValue()).isEqualTo(130);
    assertThat(record()).contains("exit_code=130", "signal=2");
  }
}
