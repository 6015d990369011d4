package dev.dxexporter.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.config.Schedule;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
  void neverOverlapsItselfAndSkipsMissedFires() throws Exception {
    scheduler = new CollectorScheduler(4);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    // Each run takes 1.2 s on a 1 s interval: fires come due while the job still runs.
    scheduler.add(
        "slow",
        new Schedule.Every(Duration.ofSeconds(1)),
        () -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          runs.incrementAndGet();
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
    // Back to back (no skipping of missed fires, no catching up) would be at most 5 runs here;
    // catching
    // up every missed fire would mean running continuously too; skipping leaves gaps: fewer runs.
    assertThat(runs.get()).isBetween(2, 5);
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
