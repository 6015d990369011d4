package dev.dxexporter.daemon;

import dev.dxexporter.config.Schedule;
import dev.dxexporter.schedule.CollectorScheduler;
import java.time.Duration;
import org.quartz.SchedulerException;

/** The daemon's own jobs beside the collectors: JVM metrics, store metrics and retention. */
final class InternalJobs {
  static final Duration RUNTIME_REFRESH = Duration.ofSeconds(15);
  static final Duration STORE_REFRESH = Duration.ofSeconds(30);
  static final Duration RETENTION = Duration.ofHours(1);

  private InternalJobs() {}

  /**
   * @param store and {@code retention} run only with a store ({@code storage}); they are queued
   *     like collectors, the runtime refresh runs on the trigger thread
   */
  static void add(
      CollectorScheduler scheduler,
      Runnable runtime,
      boolean storage,
      Runnable store,
      Runnable retention)
      throws SchedulerException {
    scheduler.addDirect("runtime metrics", new Schedule.Every(RUNTIME_REFRESH), runtime);
    if (storage) {
      scheduler.add("_daemon/store", new Schedule.Every(STORE_REFRESH), store);
      scheduler.add("_daemon/retention", new Schedule.Every(RETENTION), retention);
    }
  }
}
