package dev.dxexporter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.config.Schedule;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.SnapshotRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run a schedule promises after each run, as the registry exports it (issue 11). */
class NextFireTest {
  private static final Schedule OFFICE_HOURS = new Schedule.Cron("0 0/15 8-18 ? * MON-FRI");
  private final CollectorId id = new CollectorId("demo", "cache:target");
  private final SnapshotRegistry registry = new SnapshotRegistry(List.of(), MetricSnapshots::of);
  // Quartz fires cron triggers in the JVM's zone; the calendar below is in the same zone.
  private final ZoneId zone = ZoneId.systemDefault();
  private final LocalDate friday =
      LocalDate.of(2026, 11, 30).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));

  private Instant at(LocalDate day, int hour, int minute, int second) {
    return day.atTime(LocalTime.of(hour, minute, second)).atZone(zone).toInstant();
  }

  private CollectorState runAt(Schedule schedule, Instant end) {
    registry.install(
        List.of(
            new SnapshotRegistry.Registration(
                id,
                CollectorScheduler.periodSeconds(schedule, java.util.Date.from(end)),
                NextFire.of(schedule),
                id)));
    registry.recordSuccess(id, id, List.of(), 4.2, end);
    return registry.states().get(0);
  }

  @Test
  void fridaysLastRunPromisesMondaysFirstWithMondaysPeriod() {
    CollectorState s = runAt(OFFICE_HOURS, at(friday, 18, 45, 4));
    assertThat(s.nextRun()).contains(at(friday.plusDays(3), 8, 0, 0));
    assertThat(s.intervalSeconds()).isEqualTo(900.0);
  }

  @Test
  void aRunInOfficeHoursPromisesTheNextQuarter() {
    CollectorState s = runAt(OFFICE_HOURS, at(friday, 10, 15, 30));
    assertThat(s.nextRun()).contains(at(friday, 10, 30, 0));
    assertThat(s.intervalSeconds()).isEqualTo(900.0);
  }

  @Test
  void aFailedRunPromisesToo() {
    runAt(OFFICE_HOURS, at(friday, 18, 45, 4));
    registry.recordFailure(id, id, "boom", 1, at(friday.plusDays(3), 8, 0, 9));
    assertThat(registry.states().get(0).nextRun()).contains(at(friday.plusDays(3), 8, 15, 0));
  }

  @Test
  void aFixedPeriodPromisesOnePeriodAfterTheRunEnds() {
    Instant end = Instant.ofEpochSecond(1_000_000);
    CollectorState s = runAt(new Schedule.Every(Duration.ofMinutes(5)), end);
    assertThat(s.nextRun()).contains(end.plusSeconds(300));
    assertThat(s.intervalSeconds()).isEqualTo(300.0);
  }

  @Test
  void theExpositionCarriesThePromise() {
    runAt(OFFICE_HOURS, at(friday, 18, 45, 4));
    String text = new String(registry.rendered().negotiate(null).plain(), StandardCharsets.UTF_8);
    String prefix =
        "dx_collector_next_run_timestamp_seconds{collector=\"cache:target\",project=\"demo\"} ";
    String line = text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    assertThat(Double.parseDouble(line.substring(prefix.length())))
        .isEqualTo(at(friday.plusDays(3), 8, 0, 0).getEpochSecond());
  }

  @Test
  void aCollectorWithoutScheduleExportsNoPromise() {
    registry.install(List.of(new SnapshotRegistry.Registration(id, 0, id)));
    registry.recordSuccess(id, id, List.of(), 1, Instant.ofEpochSecond(5));
    assertThat(registry.states().get(0).nextRun()).isEqualTo(Optional.empty());
  }
}
