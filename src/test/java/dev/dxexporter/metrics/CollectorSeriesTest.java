package dev.dxexporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A render reuses the own series of collectors whose state did not change since the last one. */
class CollectorSeriesTest {
  private final CollectorSeries series = new CollectorSeries();
  private final CollectorState a =
      CollectorState.notYetRun(new CollectorId("p1", "cache:target"), 30)
          .succeeded(List.of(), 0.5, Instant.ofEpochSecond(100));
  private final CollectorState b =
      CollectorState.notYetRun(new CollectorId("p2", "dependencies"), 30);

  @Test
  void theSameSeriesAsSelfMetricsInTheStatesOrder() {
    assertThat(series.of(List.of(a, b))).isEqualTo(SelfMetrics.collectors(List.of(a, b)));
    assertThat(series.of(List.of(b, a))).isEqualTo(SelfMetrics.collectors(List.of(b, a)));
  }

  @Test
  void anUnchangedStateKeepsItsSamplesAndARunMakesNewOnes() {
    Sample first = series.of(List.of(a, b)).get(0);
    assertThat(series.of(List.of(a, b)).get(0)).isSameAs(first);
    CollectorState ranAgain = a.succeeded(List.of(), 0.7, Instant.ofEpochSecond(130));
    List<Sample> after = series.of(List.of(ranAgain, b));
    assertThat(after.get(0)).isNotSameAs(first);
    assertThat(after).isEqualTo(SelfMetrics.collectors(List.of(ranAgain, b)));
  }
}
