package dev.dxexporter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SnapshotRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorRunnerTest {
  private final CollectorId id = new CollectorId("p", "dependencies");
  private final SnapshotRegistry registry = new SnapshotRegistry(List.of(), MetricSnapshots::of);

  private final java.util.List<SnapshotRegistry.Registration> registered =
      new java.util.ArrayList<>();

  /** Registers {@code id} (owned by itself) beside those registered before. */
  private void register(CollectorId id, double interval) {
    registered.add(new SnapshotRegistry.Registration(id, interval, id));
    registry.install(registered);
  }

  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC);

  private CollectorState runWith(dev.dxexporter.collect.Collector collector) {
    register(id, 60);
    new CollectorRunner(id, id, collector, registry, clock).runOnce();
    return registry.states().get(0);
  }

  @Test
  void successRecordsSamplesAndTime() {
    Sample s = Sample.of(MetricFamily.gauge("dx_x", "x"), 3, "project", "p");
    CollectorState state = runWith(() -> List.of(s));
    assertThat(state.lastRunSucceeded()).isTrue();
    assertThat(state.samples()).containsExactly(s);
    assertThat(state.lastSuccess()).contains(Instant.ofEpochSecond(1_000));
  }

  @Test
  void anExceptionIsAFailedRunWithItsMessage() {
    CollectorState state =
        runWith(
            () -> {
              throw new IOException("/p/Cargo.toml:1:9: not valid TOML");
            });
    assertThat(state.lastRunSucceeded()).isFalse();
    assertThat(state.errors()).isEqualTo(1);
    assertThat(state.lastError()).contains("/p/Cargo.toml:1:9: not valid TOML");
  }

  @Test
  void errorsFromHostileInputAreFailuresNamedByTheirKind() {
    CollectorState state =
        runWith(
            () -> {
              throw new StackOverflowError("deep");
            });
    assertThat(state.lastError()).contains("StackOverflowError: deep");
  }

  @Test
  void anInterruptedRunIsACancellationNotAFailureAndTheFlagIsKept() {
    CollectorState state =
        runWith(
            () -> {
              throw new InterruptedException();
            });
    assertThat(state.runs()).isZero();
    assertThat(state.errors()).isZero();
    assertThat(state.lastError()).isEmpty();
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void aFailureAfterAnInterruptIsACancellationToo() {
    CollectorState state =
        runWith(
            () -> {
              Thread.currentThread().interrupt(); // e.g. a scan that stops and reports its state
              throw new java.io.InterruptedIOException("stopped");
            });
    assertThat(state.errors()).isZero();
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void aResultOfAReplacedInstanceIsDropped() {
    register(id, 60);
    new CollectorRunner(id, new Object(), () -> List.of(), registry, clock).runOnce();
    assertThat(registry.states().get(0).runs()).isZero();
  }

  @Test
  void anExceptionWithoutMessageIsNamed() {
    CollectorState state =
        runWith(
            () -> {
              throw new IllegalStateException();
            });
    assertThat(state.lastError()).contains("IllegalStateException");
  }
}
