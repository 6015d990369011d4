package dev.dxexporter.schedule;

import dev.dxexporter.config.Schedule;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz (RAMJobStore) with one job per collector instance: runs it once at start-up, then on its
 * own interval or cron schedule; a job never overlaps itself, and fires missed while it ran are
 * skipped, not caught up.
 */
public final class CollectorScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CollectorScheduler.class);
  private final Scheduler scheduler;
  private final Map<JobKey, Runnable> work = new ConcurrentHashMap<>();

  public CollectorScheduler(int threads) throws SchedulerException {
    Properties p = new Properties();
    // A unique name: Quartz keeps schedulers in a JVM-wide repository keyed by it.
    p.setProperty("org.quartz.scheduler.instanceName", "dx-exporter-" + UUID.randomUUID());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "dx-collector");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    // A fire that could not happen within 1 s of its time (the job was still running) is a misfire,
    // handled by the triggers' "skip to the next fire" instructions below.
    p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
    scheduler = new StdSchedulerFactory(p).getScheduler();
    scheduler.setJobFactory(
        (bundle, s) -> new RunCollectorJob(work.get(bundle.getJobDetail().getKey())));
  }

  /** Adds a job named {@code name} that runs {@code task} now and then on {@code schedule}. */
  public void add(String name, Schedule schedule, Runnable task) throws SchedulerException {
    JobKey key = JobKey.jobKey(name);
    if (work.putIfAbsent(key, task) != null) {
      throw new IllegalArgumentException("job added twice: " + name);
    }
    JobDetail job =
        JobBuilder.newJob(RunCollectorJob.class).withIdentity(key).storeDurably().build();
    scheduler.addJob(job, false);
    if (schedule instanceof Schedule.Every every) {
      scheduler.scheduleJob(
          TriggerBuilder.newTrigger()
              .forJob(key)
              .startNow()
              .withSchedule(
                  SimpleScheduleBuilder.simpleSchedule()
                      .withIntervalInMilliseconds(every.period().toMillis())
                      .repeatForever()
                      .withMisfireHandlingInstructionNextWithRemainingCount())
              .build());
    } else if (schedule instanceof Schedule.Cron cron) {
      scheduler.scheduleJob(oneShotNow(key));
      scheduler.scheduleJob(
          TriggerBuilder.newTrigger()
              .forJob(key)
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(cron.expression())
                      .withMisfireHandlingInstructionDoNothing())
              .build());
    }
  }

  /**
   * Runs the job once more right now (unless it is running, in which case the run queues behind
   * it).
   */
  public void runNow(String name) throws SchedulerException {
    scheduler.scheduleJob(oneShotNow(JobKey.jobKey(name)));
  }

  private static Trigger oneShotNow(JobKey key) {
    return TriggerBuilder.newTrigger()
        .forJob(key)
        .startNow()
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
  }

  public void start() throws SchedulerException {
    scheduler.start();
  }

  /**
   * Stops firing, interrupts running collectors and waits at most {@code grace} for them; threads
   * still running after that are daemons and abandoned.
   */
  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  public void close(Duration grace) {
    try {
      scheduler.standby();
      for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
        scheduler.interrupt(running.getJobDetail().getKey());
      }
      Thread waiter =
          new Thread(
              () -> {
                try {
                  scheduler.shutdown(true);
                } catch (SchedulerException e) {
                  log.warn("scheduler shutdown failed", e);
                }
              },
              "dx-scheduler-shutdown");
      waiter.setDaemon(true);
      waiter.start();
      waiter.join(grace.toMillis());
      if (waiter.isAlive()) {
        log.warn("collectors still running after {} ms; abandoning them", grace.toMillis());
      }
    } catch (SchedulerException e) {
      log.warn("scheduler shutdown failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The period of a schedule in seconds; for cron, the gap between its next two fires from now. */
  public static double periodSeconds(Schedule schedule, Date now) {
    if (schedule instanceof Schedule.Every every) {
      return every.period().toMillis() / 1000.0;
    }
    try {
      CronExpression cron = new CronExpression(((Schedule.Cron) schedule).expression());
      Date first = cron.getNextValidTimeAfter(now);
      Date second = first == null ? null : cron.getNextValidTimeAfter(first);
      return second == null ? Double.NaN : (second.getTime() - first.getTime()) / 1000.0;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e); // validated when the config was loaded
    }
  }
}
