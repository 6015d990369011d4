package dev.dxexporter.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the latest state of every collector and the exposition rendered from it, for the life of
 * the daemon. Collector runs and the periodic runtime refresh swap in a new immutable view and
 * render once; a scrape reads the rendered bytes with one volatile read and never waits for, or
 * triggers, any collection or I/O.
 *
 * <p>Each registered collector has an owner (the planned instance that runs under its id). A result
 * is recorded only for its current owner: a run of an instance that a reload replaced or removed is
 * dropped, neither counted nor shown.
 */
public final class SnapshotRegistry {
  private static final Logger log = LoggerFactory.getLogger(SnapshotRegistry.class);

  /**
   * What a collector id is registered with: its schedule period, what its schedule promises after a
   * run, and its current owner.
   */
  public record Registration(
      CollectorId id, double intervalSeconds, RunPromise promise, Object owner) {
    /** A collector without a schedule to promise (run once, or in tests). */
    public Registration(CollectorId id, double intervalSeconds, Object owner) {
      this(id, intervalSeconds, RunPromise.NONE, owner);
    }
  }

  private record Entry(CollectorState state, Object owner, RunPromise promise) {
    Entry with(CollectorState next) {
      return new Entry(next, owner, promise);
    }
  }

  /** An immutable view: states in registration order and their rendering. */
  private record View(Map<CollectorId, Entry> entries, boolean planned, RenderedMetrics rendered) {}

  private List<Sample> daemonSamples;
  private final Supplier<MetricSnapshots> runtimeMetrics;
  private final Function<List<CollectorState>, List<Sample>> derived;
  private final ExpositionRenderer renderer = new ExpositionRenderer();
  private MetricSnapshots lastRuntime = MetricSnapshots.of();
  private volatile View view;

  /**
   * @param daemonSamples the daemon's own samples (build info, config reload status)
   * @param runtimeMetrics JVM and process metrics, read by {@link #refreshRuntime()} only
   */
  public SnapshotRegistry(List<Sample> daemonSamples, Supplier<MetricSnapshots> runtimeMetrics) {
    this(daemonSamples, runtimeMetrics, states -> List.of());
  }

  /**
   * @param derived series computed from the collectors' states (the objectives and the DX score),
   *     re-computed with every change, in memory
   */
  public SnapshotRegistry(
      List<Sample> daemonSamples,
      Supplier<MetricSnapshots> runtimeMetrics,
      Function<List<CollectorState>, List<Sample>> derived) {
    this.daemonSamples = List.copyOf(daemonSamples);
    this.runtimeMetrics = runtimeMetrics;
    this.derived = derived;
    this.view = new View(Map.of(), false, renderer.render(this.daemonSamples, lastRuntime));
  }

  /** Replaces the daemon's own samples (e.g. after a config reload) and re-renders. */
  public synchronized void setDaemonSamples(List<Sample> samples) {
    daemonSamples = List.copyOf(samples);
    publish(view.entries(), view.planned());
  }

  /**
   * Makes {@code registrations} the set of collectors, in their order: an id already present keeps
   * its state (samples, run and error counts) under its new owner and period; a new id starts not
   * yet run; ids not listed are removed with their samples. Marks the registry planned, so that
   * readiness now means "every listed collector ran once".
   */
  public synchronized void install(List<Registration> registrations) {
    Map<CollectorId, Entry> next = new LinkedHashMap<>();
    for (Registration r : registrations) {
      Entry before = view.entries().get(r.id());
      CollectorState state =
          before == null
              ? CollectorState.notYetRun(r.id(), r.intervalSeconds())
              : before.state().withInterval(r.intervalSeconds());
      if (next.putIfAbsent(r.id(), new Entry(state, r.owner(), r.promise())) != null) {
        throw new IllegalArgumentException("collector registered twice: " + r.id());
      }
    }
    publish(next, true);
  }

  /** Records a successful run of {@code owner}; false (nothing recorded) when it is not current. */
  public synchronized boolean recordSuccess(
      CollectorId id, Object owner, List<Sample> samples, double seconds, Instant at) {
    Entry e = current(id, owner);
    if (e == null) {
      return false;
    }
    update(id, e.with(e.state().succeeded(samples, seconds, at).promising(e.promise(), at)));
    return true;
  }

  /** Records a failed run of {@code owner}; false (nothing recorded) when it is not current. */
  public synchronized boolean recordFailure(
      CollectorId id, Object owner, String error, double seconds, Instant at) {
    Entry e = current(id, owner);
    if (e == null) {
      return false;
    }
    update(id, e.with(e.state().failed(error, seconds, at).promising(e.promise(), at)));
    return true;
  }

  /**
   * Re-reads the runtime (JVM) metrics and re-renders. Called on its own schedule, never by a
   * scrape.
   */
  public synchronized void refreshRuntime() {
    try {
      lastRuntime = runtimeMetrics.get();
    } catch (RuntimeException e) {
      log.warn("could not read JVM metrics; keeping the previous ones", e);
    }
    publish(view.entries(), view.planned());
  }

  public RenderedMetrics rendered() {
    return view.rendered();
  }

  /** Collector states in registration order. */
  public List<CollectorState> states() {
    return view.entries().values().stream().map(Entry::state).toList();
  }

  /**
   * True once collectors were installed and every one of them has run at least once (a failed run
   * is a run).
   */
  public boolean allRanOnce() {
    View v = view;
    return v.planned() && v.entries().values().stream().allMatch(e -> e.state().runs() > 0);
  }

  private Entry current(CollectorId id, Object owner) {
    Entry e = view.entries().get(id);
    if (e == null || e.owner() != owner) {
      log.debug("dropping a result of {}: the collector was replaced or removed", id);
      return null;
    }
    return e;
  }

  private void update(CollectorId id, Entry next) {
    Map<CollectorId, Entry> entries = new LinkedHashMap<>(view.entries());
    entries.put(id, next);
    publish(entries, view.planned());
  }

  private void publish(Map<CollectorId, Entry> entries, boolean planned) {
    List<Sample> samples = new ArrayList<>(daemonSamples);
    List<CollectorState> states = entries.values().stream().map(Entry::state).toList();
    samples.addAll(SelfMetrics.collectors(states));
    for (CollectorState s : states) {
      samples.addAll(s.samples());
    }
    try {
      samples.addAll(derived.apply(states));
    } catch (RuntimeException e) {
      log.error("deriving the objective series failed; serving the collectors' own", e);
    }
    RenderedMetrics rendered;
    try {
      rendered = renderer.render(samples, lastRuntime);
    } catch (RuntimeException e) {
      // Keep serving the previous exposition rather than none; the state change is still recorded.
      log.error("rendering metrics failed; serving the previous exposition", e);
      rendered = view.rendered();
    }
    view = new View(Collections.unmodifiableMap(entries), planned, rendered);
  }
}
