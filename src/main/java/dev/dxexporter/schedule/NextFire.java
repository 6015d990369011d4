package dev.dxexporter.schedule;

import dev.dxexporter.config.Schedule;
import dev.dxexporter.metrics.RunPromise;
import java.text.ParseException;
import java.util.Date;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * What a schedule promises after a run: the next fire of its cron expression (in the JVM's time
 * zone, as {@link CollectorScheduler} fires it), or one period after the run ends for a fixed
 * period (fires that come during a run are skipped, so the next one is at most a period away).
 */
public final class NextFire {
  private NextFire() {}

  public static RunPromise of(Schedule schedule) {
    if (schedule instanceof Schedule.Every every) {
      return after -> Optional.of(after.plus(every.period()));
    }
    CronExpression cron;
    try {
      cron = new CronExpression(((Schedule.Cron) schedule).expression());
    } catch (ParseException e) {
      throw new IllegalArgumentException(e); // validated when the config was loaded
    }
    // CronExpression is not thread-safe; runs of one collector record one at a time, but a
    // reload may share the promise with a run still being recorded.
    return after -> {
      synchronized (cron) {
        return Optional.ofNullable(cron.getNextValidTimeAfter(Date.from(after)))
            .map(Date::toInstant);
      }
    };
  }
}
