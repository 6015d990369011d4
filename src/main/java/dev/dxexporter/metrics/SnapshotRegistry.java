package dev.dxexporter.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the latest state of every collector and the exposition rendered from it, for the life of
 * the daemon. Collector runs, reloads and the periodic runtime refresh change the state; a render
 * turns the state into an immutable view (states and exposition together) that a scrape reads with
 * one volatile read, never waiting for, or triggering, any collection or I/O.
 *
 * <p>Renders are batched: a change asks for a render on the {@code renderer} unless one is already
 * asked for and not yet begun, so collectors that finish together (a thousand at start-up) are
 * rendered once, not once each. The view, and so readiness and the landing page, follow the state
 * by at most one render. With the synchronous renderer (the two-argument constructors), every
 * change is rendered before it returns.
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
  private record View(
      long version, Map<CollectorId, Entry> entries, boolean planned, RenderedMetrics rendered) {}

  private final Supplier<MetricSnapshots> runtimeMetrics;
  private final Function<List<CollectorState>, List<Sample>> derived;
  private final Executor renderer;
  private final ExpositionRenderer exposition = new ExpositionRenderer();
  private final CollectorSeries collectorSeries = new CollectorSeries();
  private final AtomicLong renders = new AtomicLong();

  // The state, changed under this object's lock; the view is rendered from a copy of it.
  private List<Sample> daemonSamples;
  private MetricSnapshots lastRuntime = MetricSnapshots.of();
  private final Map<CollectorId, Entry> entries = new LinkedHashMap<>();
  private boolean planned;
  private boolean renderAsked;
  private long version; // of the state: one more with every change
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
   *     re-computed with every render, in memory
   */
  public SnapshotRegistry(
      List<Sample> daemonSamples,
      Supplier<MetricSnapshots> runtimeMetrics,
      Function<List<CollectorState>, List<Sample>> derived) {
    this(daemonSamples, runtimeMetrics, derived, Runnable::run);
  }

  /**
   * @param renderer runs the batched renders, one at a time (the daemon's render thread)
   */
  public SnapshotRegistry(
      List<Sample> daemonSamples,
      Supplier<MetricSnapshots> runtimeMetrics,
      Function<List<CollectorState>, List<Sample>> derived,
      Executor renderer) {
    this.daemonSamples = List.copyOf(daemonSamples);
    this.runtimeMetrics = runtimeMetrics;
    this.derived = derived;
    this.renderer = renderer;
    this.view = new View(0, Map.of(), false, exposition.render(this.daemonSamples, lastRuntime));
  }

  /**
   * Replaces the daemon's own samples (e.g. after a config reload) and renders them before it
   * returns, so that the reload's answer and the next scrape agree.
   */
  public void setDaemonSamples(List<Sample> samples) {
    synchronized (this) {
      daemonSamples = List.copyOf(samples);
      version++;
    }
    render();
  }

  /**
   * Makes {@code registrations} the set of collectors, in their order: an id already present keeps
   * its state (samples, run and error counts) under its new owner and period; a new id starts not
   * yet run; ids not listed are removed with their samples. Marks the registry planned, so that
   * readiness now means "every listed collector ran once". Batched like a run (a reload's answer
   * waits for its {@link #setDaemonSamples}, which renders both).
   */
  public synchronized void install(List<Registration> registrations) {
    Map<CollectorId, Entry> next = new LinkedHashMap<>();
    for (Registration r : registrations) {
      Entry before = entries.get(r.id());
      CollectorState state =
          before == null
              ? CollectorState.notYetRun(r.id(), r.intervalSeconds())
              : before.state().withInterval(r.intervalSeconds());
      if (next.putIfAbsent(r.id(), new Entry(state, r.owner(), r.promise())) != null) {
        throw new IllegalArgumentException("collector registered twice: " + r.id());
      }
    }
    entries.clear();
    entries.putAll(next);
    planned = true;
    changed();
  }

  /** Records a successful run of {@code owner}; false (nothing recorded) when it is not current. */
  public synchronized boolean recordSuccess(
      CollectorId id, Object owner, List<Sample> samples, double seconds, Instant at) {
    Entry e = current(id, owner);
    if (e == null) {
      return false;
    }
    entries.put(id, e.with(e.state().succeeded(samples, seconds, at).promising(e.promise(), at)));
    changed();
    return true;
  }

  /** Records a failed run of {@code owner}; false (nothing recorded) when it is not current. */
  public synchronized boolean recordFailure(
      CollectorId id, Object owner, String error, double seconds, Instant at) {
    Entry e = current(id, owner);
    if (e == null) {
      return false;
    }
    entries.put(id, e.with(e.state().failed(error, seconds, at).promising(e.promise(), at)));
    changed();
    return true;
  }

  /**
   * Records a failed run of {@code owner} that replaces its samples (see {@code
   * FailedRunException}); false (nothing recorded) when it is not current.
   */
  public synchronized boolean recordFailure(
      CollectorId id,
      Object owner,
      String error,
      List<Sample> samples,
      double seconds,
      Instant at) {
    Entry e = current(id, owner);
    if (e == null) {
      return false;
    }
    CollectorState failed = e.state().failed(error, seconds, at).withSamples(samples);
    entries.put(id, e.with(failed.promising(e.promise(), at)));
    changed();
    return true;
  }

  /**
   * Re-reads the runtime (JVM) metrics and re-renders. Called on its own schedule, never by a
   * scrape.
   */
  public void refreshRuntime() {
    MetricSnapshots runtime = null;
    try {
      runtime = runtimeMetrics.get();
    } catch (RuntimeException e) {
      log.warn("could not read JVM metrics; keeping the previous ones", e);
    }
    synchronized (this) {
      if (runtime != null) {
        lastRuntime = runtime;
      }
      changed();
    }
  }

  public RenderedMetrics rendered() {
    return view.rendered();
  }

  /** Collector states in registration order, as last rendered. */
  public List<CollectorState> states() {
    return view.entries().values().stream().map(Entry::state).toList();
  }

  /**
   * True once collectors were installed and every one of them has run at least once (a failed run
   * is a run), as last rendered: when it turns true, {@link #rendered()} shows every collector.
   */
  public boolean allRanOnce() {
    View v = view;
    return v.planned() && v.entries().values().stream().allMatch(e -> e.state().runs() > 0);
  }

  /** Renders since construction (not counting the initial one): what batching saves shows here. */
  public long renders() {
    return renders.get();
  }

  private Entry current(CollectorId id, Object owner) {
    Entry e = entries.get(id);
    if (e == null || e.owner() != owner) {
      log.debug("dropping a result of {}: the collector was replaced or removed", id);
      return null;
    }
    return e;
  }

  /** Under the lock: asks for one render, unless one is asked for and has not yet begun. */
  private void changed() {
    version++;
    if (!renderAsked) {
      renderAsked = true;
      renderer.execute(this::render);
    }
  }

  /**
   * Renders the state as it is now, outside the lock: collectors recording meanwhile never wait.
   * Renders may run on two threads at once (a reload's and the render thread); the view of the
   * newer state wins.
   */
  private void render() {
    long at;
    Map<CollectorId, Entry> copy;
    boolean plannedNow;
    List<Sample> daemon;
    MetricSnapshots runtime;
    synchronized (this) {
      renderAsked = false; // changes from here on ask for the next render
      at = version;
      if (at <= view.version()) {
        return; // another render showed this state already
      }
      copy = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      plannedNow = planned;
      daemon = daemonSamples;
      runtime = lastRuntime;
    }
    List<Sample> samples = new ArrayList<>(daemon);
    List<CollectorState> states = copy.values().stream().map(Entry::state).toList();
    samples.addAll(collectorSeries.of(states));
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
      rendered = exposition.render(samples, runtime);
    } catch (RuntimeException e) {
      // Keep serving the previous exposition rather than none; the state change is still shown.
      log.error("rendering metrics failed; serving the previous exposition", e);
      rendered = view.rendered();
    }
    renders.incrementAndGet();
    synchronized (renders) {
      if (at > view.version()) {
        view = new View(at, copy, plannedNow, rendered);
      }
    }
  }
}
