package dev.dxexporter.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.config.Schedule;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.parallel.Isolated("timing-sensitive: measures how long runs and stops take")
class CollectorSchedulerTest {
  private CollectorScheduler scheduler;

  @AfterEach
  void stop() {
    if (scheduler != null) {
      scheduler.close(Duration.ofSeconds(2));
    }
  }

  @Test
  void runsOnceAtStartUpEvenOnARareCronSchedule() throws Exception {
    scheduler = new CollectorScheduler(2);
    CountDownLatch ran = new CountDownLatch(1);
    // Fires at midnight on 1 January only: any run now is the start-up run.
    scheduler.add("yearly", new Schedule.Cron("0 0 0 1 1 ?"), ran::countDown);
    scheduler.start();
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void neverOverlapsItselfAndSkipsMissedFiresInsteadOfRunningBackToBack() throws Exception {
    scheduler = new CollectorScheduler(4);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    List<Long> starts = new CopyOnWriteArrayList<>();
    // Each run takes 1.2 s on a 1 s interval: a fire comes due while the job still runs.
    scheduler.add(
        "slow",
        new Schedule.Every(Duration.ofSeconds(1)),
        () -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          starts.add(System.nanoTime());
          try {
            Thread.sleep(1200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            running.decrementAndGet();
          }
        });
    scheduler.start();
    Thread.sleep(5_500);
    scheduler.close(Duration.ofSeconds(3));
    assertThat(maxRunning.get()).isEqualTo(1);
    // Skipping: runs at 0 s (start-up), 2 s and 4 s; the fires at 1, 3 and 5 s find it running.
    // Back to back (a missed fire run as soon as the previous run ends) would start every 1.2 s;
    // catching up would run continuously. The gaps between starts tell them apart.
    assertThat(starts).hasSize(3);
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1)))
          .as("gap before run %d", i + 1)
          .isBetween(Duration.ofMillis(1700), Duration.ofMillis(2500));
    }
  }

  @Test
  void slowCollectorsDoNotStarveFastOnesAndEveryoneRunsAtStartUp() throws Exception {
    // Two workers, three collectors that each take 3 s, twenty that take 10 ms, all every 1 s.
    scheduler = new CollectorScheduler(2);
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    for (int i = 0; i < 3; i++) {
      String name = "slow-" + i;
      scheduler.add(name, new Schedule.Every(Duration.ofSeconds(1)), counting(runs, name, 3000));
    }
    for (int i = 0; i < 20; i++) {
      String name = "fast-" + i;
      scheduler.add(name, new Schedule.Every(Duration.ofSeconds(1)), counting(runs, name, 10));
    }
    scheduler.start();
    // Every collector has its start-up run although the slow ones hold both workers for 3 s at a
    // time: with Quartz's own pool, fires that waited over its misfire threshold were skipped.
    await().atMost(Duration.ofSeconds(12)).until(() -> runs.size() == 23);
    Thread.sleep(6_000);
    scheduler.close(Duration.ofSeconds(1));
    int slowest = runs.values().stream().mapToInt(AtomicInteger::get).min().orElseThrow();
    int fastest = runs.values().stream().mapToInt(AtomicInteger::get).max().orElseThrow();
    // First come, first served: a fast collector cannot run many times while another waits.
    assertThat(slowest).isPositive();
    assertThat(fastest)
        .as("runs of the most served collector")
        .isLessThanOrEqualTo(slowest * 4 + 2);
  }

  private static Runnable counting(Map<String, AtomicInteger> runs, String name, long millis) {
    return () -> {
      runs.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @Test
  void removingOrReplacingACollectorInterruptsItsRunningWork() throws Exception {
    scheduler = new CollectorScheduler(2);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicInteger replacementRuns = new AtomicInteger();
    scheduler.add(
        "c",
        new Schedule.Every(Duration.ofHours(1)),
        () -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        });
    scheduler.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    scheduler.add("c", new Schedule.Every(Duration.ofHours(1)), replacementRuns::incrementAndGet);
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> replacementRuns.get() == 1);
    scheduler.remove("c");
    Thread.sleep(200);
    assertThat(replacementRuns.get()).isEqualTo(1);
  }

  @Test
  void closeInterruptsAHangingCollectorWithinTheGrace() throws Exception {
    scheduler = new CollectorScheduler(2);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    scheduler.add(
        "hang",
        new Schedule.Every(Duration.ofMinutes(1)),
        () -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        });
    scheduler.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    scheduler.close(Duration.ofSeconds(3));
    assertThat(interrupted.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    scheduler = null;
  }

  @Test
  void closeIsBoundedEvenWhenACollectorIgnoresInterrupts() throws Exception {
    scheduler = new CollectorScheduler(2);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    scheduler.add(
        "stubborn",
        new Schedule.Every(Duration.ofMinutes(1)),
        () -> {
          started.countDown();
          while (release.getCount() > 0) {
            try {
              release.await();
            } catch (InterruptedException ignored) {
              // deliberately ignores the interrupt, like a blocking native call would
            }
          }
        });
    scheduler.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    scheduler.close(Duration.ofMillis(500));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    release.countDown();
    scheduler = null;
  }

  @Test
  void periodOfACronScheduleIsTheGapBetweenFires() {
    Date now = new Date(0);
    assertThat(CollectorScheduler.periodSeconds(new Schedule.Cron("0 */5 * * * ?"), now))
        .isEqualTo(300);
    assertThat(CollectorScheduler.periodSeconds(new Schedule.Every(Duration.ofSeconds(90)), now))
        .isEqualTo(90);
  }

  @Test
  void aCollectorThatThrowsDoesNotStopItsSchedule() throws Exception {
    scheduler = new CollectorScheduler(2);
    AtomicInteger runs = new AtomicInteger();
    scheduler.add(
        "throws",
        new Schedule.Every(Duration.ofSeconds(1)),
        () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("boom");
        });
    scheduler.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
  }
}
