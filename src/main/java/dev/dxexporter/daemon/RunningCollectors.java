package dev.dxexporter.daemon;

import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.SnapshotRegistry;
import dev.dxexporter.plan.CollectorPlan;
import dev.dxexporter.plan.PlannedCollector;
import dev.dxexporter.schedule.CollectorRunner;
import dev.dxexporter.schedule.CollectorScheduler;
import dev.dxexporter.schedule.NextFire;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collectors that run now, and the move from one plan to the next. A collector of the next plan
 * that is the very instance of the running one (same id, schedule and settings: see {@link
 * CollectorPlan#keeping}) is left alone: not re-run, not interrupted. A changed one replaces its
 * predecessor under the same id, keeping its samples and counters, and runs at once; a new one runs
 * at once; a removed one stops. Runs of replaced or removed instances are dropped by the registry,
 * never counted as errors.
 */
final class RunningCollectors {
  private static final Logger log = LoggerFactory.getLogger(RunningCollectors.class);

  private final SnapshotRegistry registry;
  private final CollectorScheduler scheduler;
  private final Clock clock;
  private CollectorPlan current = new CollectorPlan(List.of());

  RunningCollectors(SnapshotRegistry registry, CollectorScheduler scheduler, Clock clock) {
    this.registry = registry;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  synchronized CollectorPlan current() {
    return current;
  }

  /** Makes {@code next} (already merged with the running plan) the running set. */
  synchronized void apply(CollectorPlan next) throws SchedulerException {
    Map<PlannedCollector, Boolean> running = new IdentityHashMap<>();
    current.collectors().forEach(c -> running.put(c, true));
    Set<CollectorId> nextIds = new HashSet<>();
    List<SnapshotRegistry.Registration> registrations = new ArrayList<>();
    Date now = Date.from(clock.instant());
    for (PlannedCollector c : next.collectors()) {
      nextIds.add(c.id());
      registrations.add(
          new SnapshotRegistry.Registration(
              c.id(),
              CollectorScheduler.periodSeconds(c.schedule(), now),
              NextFire.of(c.schedule()),
              c));
    }
    // The registry first: from here on, results of replaced or removed instances are dropped.
    registry.install(registrations);
    for (PlannedCollector c : current.collectors()) {
      if (!nextIds.contains(c.id())) {
        scheduler.remove(key(c.id()));
      }
    }
    int started = 0;
    for (PlannedCollector c : next.collectors()) {
      if (!running.containsKey(c)) {
        CollectorRunner runner = new CollectorRunner(c.id(), c, c.collector(), registry, clock);
        scheduler.add(key(c.id()), c.schedule(), runner::runOnce);
        started++;
      }
    }
    log.debug(
        "{} collectors: {} started or replaced, {} kept",
        next.collectors().size(),
        started,
        next.collectors().size() - started);
    current = next;
  }

  /**
   * Queues {@code id} to run soon: once, however often asked before it starts; when it is running,
   * once more after that (what it is asked to show may have come after it started). Unknown ids are
   * ignored.
   */
  void refresh(CollectorId id) {
    scheduler.runNow(key(id));
  }

  private static String key(CollectorId id) {
    return id.project() + "/" + id.collector();
  }
}
