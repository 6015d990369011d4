package dev.dxexporter.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the latest state of every collector and the exposition rendered from it. Collector runs and
 * the periodic runtime refresh swap in a new immutable view and render once; a scrape reads the
 * rendered bytes with one volatile read and never waits for, or triggers, any collection or I/O.
 */
public final class SnapshotRegistry {
  private static final Logger log = LoggerFactory.getLogger(SnapshotRegistry.class);

  /** An immutable view: states in registration order and their rendering. */
  private record View(Map<CollectorId, CollectorState> states, RenderedMetrics rendered) {}

  private List<Sample> daemonSamples;
  private final Supplier<MetricSnapshots> runtimeMetrics;
  private final ExpositionRenderer renderer = new ExpositionRenderer();
  private MetricSnapshots lastRuntime = MetricSnapshots.of();
  private volatile View view;

  /**
   * @param daemonSamples the daemon's own samples (build info, config reload status)
   * @param runtimeMetrics JVM and process metrics, read by {@link #refreshRuntime()} only
   */
  public SnapshotRegistry(List<Sample> daemonSamples, Supplier<MetricSnapshots> runtimeMetrics) {
    this.daemonSamples = List.copyOf(daemonSamples);
    this.runtimeMetrics = runtimeMetrics;
    this.view = new View(Map.of(), renderer.render(this.daemonSamples, lastRuntime));
  }

  /** Replaces the daemon's own samples (e.g. after a config reload) and re-renders. */
  public synchronized void setDaemonSamples(List<Sample> samples) {
    daemonSamples = List.copyOf(samples);
    publish(view.states());
  }

  public synchronized void register(CollectorId id, double intervalSeconds) {
    add(CollectorState.notYetRun(id, intervalSeconds));
  }

  /**
   * Registers a collector that continues one of a previous registry (after a config reload): its
   * samples, run count and error counter carry over, so counters do not reset and readiness holds.
   */
  public synchronized void registerContinuing(CollectorState previous, double intervalSeconds) {
    add(previous.withInterval(intervalSeconds));
  }

  private void add(CollectorState state) {
    Map<CollectorId, CollectorState> states = new LinkedHashMap<>(view.states());
    if (states.putIfAbsent(state.id(), state) != null) {
      throw new IllegalArgumentException("collector registered twice: " + state.id());
    }
    publish(states);
  }

  public synchronized void recordSuccess(
      CollectorId id, List<Sample> samples, double seconds, Instant at) {
    update(id, state(id).succeeded(samples, seconds, at));
  }

  public synchronized void recordFailure(CollectorId id, String error, double seconds, Instant at) {
    update(id, state(id).failed(error, seconds, at));
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
    publish(view.states());
  }

  public RenderedMetrics rendered() {
    return view.rendered();
  }

  /** Collector states in registration order. */
  public List<CollectorState> states() {
    return List.copyOf(view.states().values());
  }

  /** True once every registered collector has run at least once (vacuously true with none). */
  public boolean allRanOnce() {
    Collection<CollectorState> states = view.states().values();
    return states.stream().allMatch(s -> s.runs() > 0);
  }

  private CollectorState state(CollectorId id) {
    CollectorState s = view.states().get(id);
    if (s == null) {
      throw new IllegalArgumentException("unknown collector: " + id);
    }
    return s;
  }

  private void update(CollectorId id, CollectorState next) {
    Map<CollectorId, CollectorState> states = new LinkedHashMap<>(view.states());
    states.put(id, next);
    publish(states);
  }

  private void publish(Map<CollectorId, CollectorState> states) {
    List<Sample> samples = new ArrayList<>(daemonSamples);
    samples.addAll(SelfMetrics.of(states.values()));
    for (CollectorState s : states.values()) {
      samples.addAll(s.samples());
    }
    RenderedMetrics rendered;
    try {
      rendered = renderer.render(samples, lastRuntime);
    } catch (RuntimeException e) {
      // Keep serving the previous exposition rather than none; the state change is still recorded.
      log.error("rendering metrics failed; serving the previous exposition", e);
      rendered = view.rendered();
    }
    view = new View(java.util.Collections.unmodifiableMap(states), rendered);
  }
}
