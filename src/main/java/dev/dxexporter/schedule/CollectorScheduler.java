package dev.dxexporter.schedule;

import dev.dxexporter.config.Schedule;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
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
 * When collectors run. Quartz (RAMJobStore) holds one job per collector instance, with its interval
 * or cron trigger; a fire does nothing but mark the collector due in a fair {@link RunQueue}, whose
 * {@code concurrency} workers run due collectors first come, first served. So a fire never waits
 * for a thread (Quartz cannot misfire it), a slow collector holds only its own worker, and every
 * collector runs once right after it is added (its start-up run), then on its schedule; fires that
 * come while it is still queued or running are skipped, not caught up.
 */
public final class CollectorScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CollectorScheduler.class);
  private final Scheduler scheduler;
  private final RunQueue queue;
  private final Map<JobKey, Runnable> onFire = new ConcurrentHashMap<>();
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);

  /** Silence after which {@link #stalled} reports: 24 missed heartbeats, longer than any GC. */
  public static final Duration STALLED_AFTER = Duration.ofMinutes(2);

  private final Duration heartbeat;
  private final Set<String> collectors = new LinkedHashSet<>(); // in the order added
  private volatile boolean started;
  private volatile long lastFireNanos = System.nanoTime();

  /** {@code concurrency}: collectors that may run at the same time. */
  public CollectorScheduler(int concurrency) throws SchedulerException {
    this(concurrency, HEARTBEAT);
  }

  CollectorScheduler(int concurrency, Duration heartbeat) throws SchedulerException {
    this.heartbeat = heartbeat;
    queue = new RunQueue(concurrency, "dx-collector");
    Properties p = new Properties();
    // A unique name: Quartz keeps schedulers in a JVM-wide repository keyed by it.
    p.setProperty("org.quartz.scheduler.instanceName", "dx-exporter-" + UUID.randomUUID());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    // Fires only enqueue (and refresh the JVM metrics): two threads never fall behind.
    p.setProperty("org.quartz.threadPool.threadCount", "2");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "dx-trigger");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    scheduler = new StdSchedulerFactory(p).getScheduler();
    scheduler.setJobFactory(
        (bundle, s) -> {
          Runnable r = onFire.get(bundle.getJobDetail().getKey());
          return (Job)
              context -> {
                lastFireNanos = System.nanoTime();
                if (r != null) {
                  r.run();
                }
              };
        });
  }

  /**
   * Adds the collector {@code key}: queued to run now (or at {@link #start()}), then on {@code
   * schedule}. Adding a key again replaces it (its running work is interrupted).
   */
  public synchronized void add(String key, Schedule schedule, Runnable work)
      throws SchedulerException {
    JobKey job = JobKey.jobKey(key, "collectors");
    if (onFire.containsKey(job)) {
      scheduler.deleteJob(job);
    }
    queue.put(key, work);
    collectors.add(key);
    onFire.put(job, () -> queue.due(key));
    schedule(job, schedule, false);
    if (started) {
      queue.due(key);
    }
  }

  /** Queues collector {@code key} to run now, unless it is queued or running already. */
  public void runNow(String key) {
    if (started) {
      queue.dueAgain(key);
    }
  }

  /** Removes a collector: no more fires, and its running work is interrupted. */
  public synchronized void remove(String key) throws SchedulerException {
    JobKey job = JobKey.jobKey(key, "collectors");
    scheduler.deleteJob(job);
    onFire.remove(job);
    collectors.remove(key);
    queue.remove(key);
  }

  /**
   * Adds a short task run on the trigger thread itself (not queued behind collectors), first at
   * {@link #start()}: the JVM metrics refresh.
   */
  public synchronized void addDirect(String name, Schedule schedule, Runnable task)
      throws SchedulerException {
    JobKey job = JobKey.jobKey(name, "direct");
    onFire.put(job, task);
    schedule(job, schedule, true);
  }

  private void schedule(JobKey job, Schedule schedule, boolean fireAtStart)
      throws SchedulerException {
    scheduler.addJob(JobBuilder.newJob(Job.class).withIdentity(job).storeDurably().build(), true);
    Trigger trigger;
    if (schedule instanceof Schedule.Every every) {
      long period = every.period().toMillis();
      trigger =
          TriggerBuilder.newTrigger()
              .forJob(job)
              .startAt(new Date(System.currentTimeMillis() + (fireAtStart ? 0 : period)))
              .withSchedule(
                  SimpleScheduleBuilder.simpleSchedule()
                      .withIntervalInMilliseconds(period)
                      .repeatForever()
                      .withMisfireHandlingInstructionNextWithRemainingCount())
              .build();
    } else {
      Schedule.Cron cron = (Schedule.Cron) schedule;
      trigger =
          TriggerBuilder.newTrigger()
              .forJob(job)
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(cron.expression())
                      .withMisfireHandlingInstructionDoNothing())
              .build();
      if (fireAtStart) {
        scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(job).startNow().build());
      }
    }
    scheduler.scheduleJob(trigger);
  }

  /** Starts firing and running; every collector added so far is queued, in the order added. */
  /**
   * Why collection has stopped, if it has: the trigger thread has not fired for {@code silence} (an
   * {@code OutOfMemoryError} can kill Quartz's scheduler thread, after which nothing runs again
   * while HTTP still answers), or collector workers have died. Empty while healthy.
   */
  public Optional<String> stalled(Duration silence) {
    if (!started) {
      return Optional.empty();
    }
    long quietNanos = System.nanoTime() - lastFireNanos;
    if (quietNanos > silence.toNanos()) {
      return Optional.of(
          "collection has stopped: the scheduler has not fired for "
              + quietNanos / 1_000_000_000L
              + " s");
    }
    int dead = queue.deadWorkers();
    return dead == 0
        ? Optional.empty()
        : Optional.of("collection is impaired: " + dead + " collector worker(s) have died");
  }

  /** Pauses every trigger (tests: what a dead scheduler thread looks like from outside). */
  void standby() throws SchedulerException {
    scheduler.standby();
  }

  public synchronized void start() throws SchedulerException {
    // A heartbeat that fires whatever else is scheduled: the liveness that stalled() reads.
    addDirect("_heartbeat", new Schedule.Every(heartbeat), () -> {});
    lastFireNanos = System.nanoTime();
    queue.start();
    started = true;
    collectors.forEach(queue::due);
    scheduler.start();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  /**
   * Stops firing, interrupts running collectors and waits at most {@code grace} for them; threads
   * still running after that are daemons and abandoned.
   */
  public void close(Duration grace) {
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      log.warn("scheduler shutdown failed", e);
    }
    queue.close(grace);
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
