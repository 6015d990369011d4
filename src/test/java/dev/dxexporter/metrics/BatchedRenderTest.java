package dev.dxexporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * A thousand collectors finishing together are rendered once: the renders run on an executor this
 * test drives by hand, so what is batched is counted, not timed.
 */
class BatchedRenderTest {
  private static final MetricFamily SIZE =
      MetricFamily.gauge("dx_test_size_bytes", "Size. Refreshed on the collector's schedule.");
  private final Queue<Runnable> asked = new ArrayDeque<>();
  private final SnapshotRegistry registry =
      new SnapshotRegistry(List.of(), MetricSnapshots::of, states -> List.of(), asked::add);
  private final List<CollectorId> ids = new ArrayList<>();

  private void install(int collectors) {
    List<SnapshotRegistry.Registration> registrations = new ArrayList<>();
    for (int i = 0; i < collectors; i++) {
      CollectorId id = new CollectorId("p" + i, "cache:target");
      ids.add(id);
      registrations.add(new SnapshotRegistry.Registration(id, 60, id));
    }
    registry.install(registrations);
  }

  private void succeed(CollectorId id) {
    registry.recordSuccess(
        id, id, List.of(Sample.of(SIZE, 7, "project", id.project())), 0.01, Instant.EPOCH);
  }

  private String text() {
    return new String(registry.rendered().negotiate(null).plain(), StandardCharsets.UTF_8);
  }

  private void runAsked() {
    while (!asked.isEmpty()) {
      asked.poll().run();
    }
  }

  @Test
  void aThousandRunsThatFinishTogetherAreRenderedOnce() {
    install(1000);
    runAsked();
    long afterInstall = registry.renders();
    assertThat(text()).contains("dx_collector_interval_seconds{collector=\"cache:target\"");

    ids.forEach(this::succeed);
    assertThat(asked).hasSize(1); // one render asked for, however many runs came before it
    assertThat(registry.allRanOnce()).isFalse(); // the view follows its render
    runAsked();

    assertThat(registry.renders()).isEqualTo(afterInstall + 1);
    assertThat(registry.allRanOnce()).isTrue();
    assertThat(registry.states()).allMatch(s -> s.runs() == 1);
    assertThat(text()).contains("dx_test_size_bytes{project=\"p999\"} 7.0");
  }

  @Test
  void aRunAfterARenderBeganAsksForTheNextOne() {
    install(2);
    succeed(ids.get(0));
    runAsked();
    succeed(ids.get(1));
    assertThat(asked).hasSize(1);
    runAsked();
    assertThat(text()).contains("dx_test_size_bytes{project=\"p1\"} 7.0");
    assertThat(registry.allRanOnce()).isTrue();
  }

  @Test
  void aReloadIsRenderedBeforeItReturnsAndAStaleQueuedRenderIsSkipped() {
    install(1);
    succeed(ids.get(0));
    registry.setDaemonSamples(List.of(SelfMetrics.configReload(false, Instant.EPOCH).get(0)));
    // Shown at once (the reload's answer and the next scrape agree), the run with it.
    assertThat(text())
        .contains("dx_config_last_reload_successful 0.0")
        .contains("dx_test_size_bytes{project=\"p0\"} 7.0");
    long renders = registry.renders();
    runAsked(); // the render the run asked for finds its state shown already
    assertThat(registry.renders()).isEqualTo(renders);
  }
}
