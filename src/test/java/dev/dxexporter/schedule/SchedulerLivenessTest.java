package dev.dxexporter.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What {@code /-/healthy} reads: a scheduler whose trigger thread stopped firing (what an
 * OutOfMemoryError in Quartz's thread leaves) is told apart from a running one.
 */
@Isolated
class SchedulerLivenessTest {
  @Test
  void aRunningSchedulerIsHealthyAndOneThatStoppedFiringSaysSo() throws Exception {
    try (CollectorScheduler s = new CollectorScheduler(1, Duration.ofMillis(100))) {
      assertThat(s.stalled(Duration.ofMillis(1))).as("not started: nothing to say").isEmpty();
      s.start();
      // Ten times the heartbeat's period, checked for two seconds: the heartbeat keeps it fresh.
      long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < until) {
        assertThat(s.stalled(Duration.ofSeconds(1))).isEmpty();
        Thread.sleep(100);
      }
      s.standby();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> s.stalled(Duration.ofSeconds(1)).isPresent());
      assertThat(s.stalled(Duration.ofSeconds(1)).get())
          .startsWith("collection has stopped: the scheduler has not fired for");
    }
  }

  @Test
  void aCollectorThatThrowsAnErrorDoesNotKillItsWorker() throws Exception {
    RunQueue q = new RunQueue(1, "test");
    try {
      q.put(
          "boom",
          () -> {
            throw new OutOfMemoryError("simulated");
          });
      q.start();
      q.due("boom");
      await().atMost(Duration.ofSeconds(5)).until(() -> q.waiting() == 0);
      Thread.sleep(100);
      assertThat(q.deadWorkers()).isZero();
      q.due("boom");
      await().atMost(Duration.ofSeconds(5)).until(() -> q.waiting() == 0);
      assertThat(q.deadWorkers()).isZero();
    } finally {
      q.close(Duration.ofSeconds(1));
    }
  }
}
