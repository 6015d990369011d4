package dev.dxexporter.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A fire while running is skipped; a refresh while running runs once more afterwards. */
class RunQueueTest {
  private final AtomicInteger runs = new AtomicInteger();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private RunQueue queueWithABlockingJob() {
    RunQueue q = new RunQueue(2, "test");
    q.put(
        "k",
        () -> {
          if (runs.incrementAndGet() == 1) {
            started.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    q.start();
    return q;
  }

  @Test
  void aFireWhileRunningIsSkipped() throws Exception {
    RunQueue q = queueWithABlockingJob();
    try {
      assertThat(q.due("k")).isTrue();
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(q.due("k")).isFalse();
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> q.waiting() == 0);
      Thread.sleep(200); // a second run, if one were queued, would have started by now
      assertThat(runs.get()).isEqualTo(1);
    } finally {
      q.close(Duration.ofSeconds(1));
    }
  }

  @Test
  void aRefreshWhileRunningRunsOnceMoreAfterItAndNeverAlongside() throws Exception {
    RunQueue q = queueWithABlockingJob();
    try {
      assertThat(q.due("k")).isTrue();
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(q.dueAgain("k")).isTrue();
      assertThat(q.dueAgain("k")).as("already queued").isFalse();
      Thread.sleep(200); // a free worker must not start it while the first run goes on
      assertThat(runs.get()).isEqualTo(1);
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
      Thread.sleep(200);
      assertThat(runs.get()).isEqualTo(2);
    } finally {
      q.close(Duration.ofSeconds(1));
    }
  }
}
