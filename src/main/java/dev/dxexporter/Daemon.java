package dev.dxexporter;

import dev.dxexporter.http.ExporterStatus;
import dev.dxexporter.http.HttpServer;
import dev.dxexporter.http.ListenAddress;
import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.RenderedMetrics;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SnapshotRegistry;
import dev.dxexporter.schedule.CollectorRunner;
import dev.dxexporter.schedule.CollectorScheduler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running exporter: registry, scheduler and HTTP server wired together. Start with
 * {@link #start}, stop with {@link #close} (bounded: running collectors are interrupted and
 * abandoned after a grace period, the ports are released).
 */
public final class Daemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);
  static final Duration RUNTIME_REFRESH = Duration.ofSeconds(15);

  /** Command-line settings of the serving side. */
  public record Options(
      List<ListenAddress> listen, String telemetryPath, int collectorThreads, Duration shutdownGrace) {}

  private final SnapshotRegistry registry;
  private final CollectorScheduler scheduler;
  private final HttpServer http;
  private final List<AutoCloseable> resources;

  private Daemon(
      SnapshotRegistry registry, CollectorScheduler scheduler, HttpServer http,
      List<AutoCloseable> resources) {
    this.registry = registry;
    this.scheduler = scheduler;
    this.http = http;
    this.resources = resources;
  }

  /**
   * Binds the ports first (so a taken port fails fast), then starts the collectors.
   *
   * @param resources closed after the scheduler on shutdown (e.g. the cache scanner's pool)
   */
  public static Daemon start(
      BuildInfo build, List<PlannedCollector> collectors, Options options, Clock clock,
      List<AutoCloseable> resources) throws Exception {
    PrometheusRegistry jvm = new PrometheusRegistry();
    JvmMetrics.builder().register(jvm);
    List<Sample> constant = List.of(build.sample());
    SnapshotRegistry registry = new SnapshotRegistry(constant, jvm::scrape);
    Date now = Date.from(clock.instant());
    for (PlannedCollector c : collectors) {
      registry.register(c.id(), CollectorScheduler.periodSeconds(c.schedule(), now));
    }
    CollectorScheduler scheduler = new CollectorScheduler(options.collectorThreads());
    HttpServer http =
        new HttpServer(options.listen(), options.telemetryPath(), build.version(), status(registry));
    try {
      http.start();
    } catch (Exception e) {
      scheduler.close(Duration.ZERO);
      http.close();
      throw new IllegalStateException(
          "cannot listen on " + options.listen() + ": " + e.getMessage(), e);
    }
    for (PlannedCollector c : collectors) {
      CollectorRunner runner = new CollectorRunner(c.id(), c.collector(), registry, clock);
      scheduler.add("collector " + c.id(), c.schedule(), runner::runOnce);
    }
    scheduler.add(
        "runtime metrics", new dev.dxexporter.config.Schedule.Every(RUNTIME_REFRESH),
        registry::refreshRuntime);
    scheduler.start();
    log.info("listening on {} with {} collectors", options.listen(), collectors.size());
    return new Daemon(registry, scheduler, http, new ArrayList<>(resources));
  }

  private static ExporterStatus status(SnapshotRegistry registry) {
    return new ExporterStatus() {
      @Override
      public RenderedMetrics rendered() {
        return registry.rendered();
      }

      @Override
      public List<CollectorState> collectors() {
        return registry.states();
      }

      @Override
      public boolean ready() {
        return registry.allRanOnce();
      }
    };
  }

  public List<Integer> ports() {
    return http.ports();
  }

  public SnapshotRegistry registry() {
    return registry;
  }

  /** Stops collecting (bounded by the grace period), then closes the HTTP server and resources. */
  public void close(Duration grace) {
    scheduler.close(grace);
    try {
      http.close();
    } catch (Exception e) {
      log.warn("stopping the HTTP server failed", e);
    }
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        log.warn("closing {} failed", r, e);
      }
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
