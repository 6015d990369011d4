package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The recorder around real commands, in this JVM (without signal forwarding). Isolated: the kernel
 * account (getrusage of all children) also counts children other test classes spawn meanwhile.
 */
@Isolated
class CommandRecorderTest {
  private static CommandRecorder recorder;

  @BeforeAll
  static void recorder() {
    recorder = new CommandRecorder(Duration.ofMillis(20), false);
  }

  private static BuildRecord run(String... command) throws Exception {
    return recorder.record("test", BuildKind.INCREMENTAL, List.of(command));
  }

  @Test
  void theExitCodeIsTheCommands() throws Exception {
    BuildRecord record = run("sh", "-c", "exit 3");
    assertThat(record.exitCode()).isEqualTo(3);
    assertThat(record.signal()).isZero();
    assertThat(record.succeeded()).isFalse();
    assertThat(record.name()).isEqualTo("test");
    assertThat(record.kind()).isEqualTo(BuildKind.INCREMENTAL);
    assertThat(record.command()).containsExactly("sh", "-c", "exit 3");
  }

  @Test
  void aCommandKilledBySignalNineExitsWith137() throws Exception {
    BuildRecord record = run("sh", "-c", "kill -9 $$");
    assertThat(record.exitCode()).isEqualTo(137);
    assertThat(record.signal()).isEqualTo(9);
  }

  @Test
  void theDurationIsTheWallTimeOfTheCommand() throws Exception {
    BuildRecord record = run("sleep", "0.3");
    assertThat(record.succeeded()).isTrue();
    assertThat(record.durationSeconds()).isBetween(0.3, 5.0);
    assertThat(record.samples()).isPositive();
  }

  @Test
  void thePeakRssOfAChildThatAllocates200MbIsAtLeastThat() throws Exception {
    // tail keeps the whole newline-free "last line" in memory: 200 MiB in one process of a pipe.
    BuildRecord record = run("sh", "-c", "head -c 200M /dev/zero | tail | wc -c");
    assertThat(record.succeeded()).isTrue();
    assertThat(record.peakRssBytes()).isGreaterThanOrEqualTo(200L * 1024 * 1024);
    assertThat(record.peakRssBytes()).as("not absurd").isLessThan(2L * 1024 * 1024 * 1024);
    assertThat(record.peakTreeSize()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void thePeakIsTheSumOverProcessesThatHoldMemoryAtTheSameTime() throws Exception {
    // Two 60 MiB readers alive together for half a second: the largest single process (what
    // getrusage reports) holds 60 MiB, the tree about 120 MiB, which only the sampled sum sees.
    String reader = "(head -c 60M /dev/zero; sleep 0.5) | tail >/dev/null";
    BuildRecord record = run("sh", "-c", reader + " & " + reader + " & wait");
    assertThat(record.succeeded()).isTrue();
    assertThat(record.peakRssBytes()).isGreaterThanOrEqualTo(120L * 1024 * 1024);
  }

  @Test
  void aCpuBusyChildUsesCpuTime() throws Exception {
    BuildRecord record = run("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done");
    assertThat(record.succeeded()).isTrue();
    assertThat(record.cpuUserSeconds()).isPositive();
    assertThat(record.cpuSeconds()).isLessThanOrEqualTo(record.durationSeconds() * 2 + 0.05);
    assertThat(record.kernelAccounted()).isTrue();
  }

  @Test
  void cpuOfShortLivedGrandchildrenIsCountedByTheKernelAccount() throws Exception {
    // 20 busy children of about 15 ms each; the sampler, every 60 s, samples once at the start
    // (before any of them ran), so all of the CPU time seen comes from getrusage.
    CommandRecorder rarelySampling = new CommandRecorder(Duration.ofSeconds(60), false);
    BuildRecord record =
        rarelySampling.record(
            "test",
            BuildKind.CLEAN,
            List.of(
                "sh",
                "-c",
                "for n in $(seq 20); do sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done';"
                    + " done"));
    assertThat(record.succeeded()).isTrue();
    assertThat(record.samples()).isEqualTo(1);
    assertThat(record.cpuSeconds()).isGreaterThan(0.05);
  }

  @Test
  void aProgramThatDoesNotExistCannotBeStarted() {
    assertThatThrownBy(() -> run("/nonexistent/dx-no-such-program"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("dx-no-such-program");
  }

  @Test
  void anEmptyCommandIsRefused() {
    assertThatThrownBy(() -> run()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signalsAreReadBackFromTheShellConvention() {
    assertThat(CommandRecorder.signalOf(143)).isEqualTo(15);
    assertThat(CommandRecorder.signalOf(128)).isZero();
    assertThat(CommandRecorder.signalOf(1)).isZero();
    assertThat(CommandRecorder.signalOf(255)).isZero();
  }
}
