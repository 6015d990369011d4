package dev.dxexporter;

import dev.dxexporter.config.ConfigException;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.WebConfig;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running exporter: the HTTP server, and a generation of collectors (plan, registry, scheduler)
 * built from the config. A reload builds the next generation from the re-read config, carrying over
 * the state of collectors that still exist, and swaps it in; an invalid config leaves the running
 * one untouched. Stop with {@link #close}: bounded, running collectors are interrupted and
 * abandoned after the grace period, the ports are released.
 */
public final class Daemon implements AutoCloseable, ExporterStatus {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);
  static final Duration RUNTIME_REFRESH = Duration.ofSeconds(15);

  /** Command-line settings of the serving side. */
  public record Options(
      List<ListenAddress> listen,
      String telemetryPath,
      int collectorThreads,
      Duration shutdownGrace) {}

  /** Where the config comes from: a file (re-read on reload) or the zero-config default. */
  public interface ConfigSource {
    DxConfig load() throws ConfigException;
  }

  /**
   * The web config ({@code --web.config.file}): the one read at start-up, and how to re-read it on
   * reload. Never read per request.
   */
  public record Web(WebConfig initial, WebSource source) {
    /** No web config file: plain HTTP, no auth. */
    public static Web none() {
      return new Web(WebConfig.NONE, () -> WebConfig.NONE);
    }
  }

  /** Re-reads the web config file. */
  public interface WebSource {
    WebConfig load() throws ConfigException;
  }

  private record Generation(
      CollectorPlan plan, SnapshotRegistry registry, CollectorScheduler scheduler) {}

  private final BuildInfo build;
  private final ConfigSource source;
  private final WebSource webSource;
  private final Function<DxConfig, CollectorPlan> planner;
  private final Options options;
  private final Clock clock;
  private final PrometheusRegistry jvm = new PrometheusRegistry();
  private final HttpServer http;
  private ConfigReload reloadStatus;
  private volatile Generation current;

  private Daemon(
      BuildInfo build,
      ConfigSource source,
      Function<DxConfig, CollectorPlan> planner,
      Options options,
      Web web,
      Clock clock) {
    this.build = build;
    this.source = source;
    this.webSource = web.source();
    this.planner = planner;
    this.options = options;
    this.clock = clock;
    this.reloadStatus = ConfigReload.loadedAt(clock.instant());
    JvmMetrics.builder().register(jvm);
    this.http =
        new HttpServer(
            options.listen(),
            options.telemetryPath(),
            build.version(),
            this,
            this::reload,
            web.initial());
  }

  /**
   * Binds the ports first (so a taken port fails fast), then starts the collectors of {@code
   * config}.
   *
   * @param planner builds the collectors of a config; called again on every reload
   * @param web the TLS, basic auth and headers to serve with ({@link Web#none()}: plain HTTP)
   */
  public static Daemon start(
      BuildInfo build,
      DxConfig config,
      ConfigSource source,
      Function<DxConfig, CollectorPlan> planner,
      Options options,
      Web web,
      Clock clock)
      throws Exception {
    Daemon daemon = new Daemon(build, source, planner, options, web, clock);
    try {
      daemon.http.start();
    } catch (Exception e) {
      daemon.http.close();
      throw new IllegalStateException(
          "cannot listen on " + options.listen() + ": " + e.getMessage(), e);
    }
    try {
      daemon.current = daemon.startGeneration(planner.apply(config), Map.of());
    } catch (Exception e) {
      daemon.http.close();
      throw e;
    }
    WebConfig w = web.initial();
    log.info(
        "listening on {} with {} collectors; TLS {}, basic auth {}",
        options.listen(),
        daemon.current.plan().collectors().size(),
        w.tls().isPresent() ? "enabled" : "disabled",
        w.users().isEmpty() ? "off" : "on (" + w.users().size() + " users)");
    return daemon;
  }

  private Generation startGeneration(CollectorPlan plan, Map<?, CollectorState> previous)
      throws Exception {
    SnapshotRegistry registry = new SnapshotRegistry(daemonSamples(), jvm::scrape);
    Date now = Date.from(clock.instant());
    for (PlannedCollector c : plan.collectors()) {
      double interval = CollectorScheduler.periodSeconds(c.schedule(), now);
      CollectorState before = previous.get(c.id());
      if (before != null) {
        registry.registerContinuing(before, interval);
      } else {
        registry.register(c.id(), interval);
      }
    }
    CollectorScheduler scheduler = new CollectorScheduler(options.collectorThreads());
    try {
      for (PlannedCollector c : plan.collectors()) {
        CollectorRunner runner = new CollectorRunner(c.id(), c.collector(), registry, clock);
        scheduler.add("collector " + c.id(), c.schedule(), runner::runOnce);
      }
      scheduler.add(
          "runtime metrics", new Schedule.Every(RUNTIME_REFRESH), registry::refreshRuntime);
      scheduler.start();
    } catch (Exception e) {
      scheduler.close(Duration.ZERO);
      plan.close();
      throw e;
    }
    return new Generation(plan, registry, scheduler);
  }

  private synchronized List<Sample> daemonSamples() {
    List<Sample> samples = new ArrayList<>(List.of(build.sample()));
    samples.addAll(reloadStatus.samples());
    return samples;
  }

  /**
   * Re-reads the config and the web config and, when both are valid, applies the web config (users
   * and headers to the next requests, TLS settings to the next connections) and replaces the
   * collectors. Returns the errors when either is invalid (then nothing changes: the running
   * collectors, users and headers carry on). Called by SIGHUP and POST /-/reload.
   */
  public synchronized Optional<String> reload() {
    DxConfig config;
    WebConfig web;
    try {
      web = webSource.load();
      config = source.load();
    } catch (ConfigException e) {
      reloadStatus = reloadStatus.failed(e.getMessage());
      current.registry().setDaemonSamples(daemonSamples());
      e.errors().forEach(error -> log.error("reload: invalid config: {}", error));
      return Optional.of(e.getMessage());
    }
    try {
      if (http.apply(web)) {
        log.warn(
            "reload: the web config turns TLS {}; that takes effect only after a restart (users,"
                + " headers applied)",
            web.tls().isPresent() ? "on" : "off");
      }
    } catch (Exception e) {
      reloadStatus = reloadStatus.failed("web config: " + e.getMessage());
      current.registry().setDaemonSamples(daemonSamples());
      log.error("reload: applying the web config's TLS settings failed", e);
      return Optional.of("web config: " + e.getMessage());
    }
    Generation old = current;
    old.scheduler().close(options.shutdownGrace());
    Map<Object, CollectorState> states =
        old.registry().states().stream().collect(Collectors.toMap(CollectorState::id, s -> s));
    reloadStatus = ConfigReload.loadedAt(clock.instant());
    try {
      current = startGeneration(planner.apply(config), states);
    } catch (Exception e) {
      // The new collectors could not start: bring the old ones back rather than collect nothing.
      reloadStatus = reloadStatus.failed(e.getMessage());
      log.error("reload failed, restarting the previous collectors: {}", e.getMessage());
      try {
        current = startGeneration(old.plan(), states);
      } catch (Exception again) {
        log.error("restarting the previous collectors failed too", again);
      }
      return Optional.of(String.valueOf(e.getMessage()));
    }
    if (current.plan() != old.plan()) {
      old.plan().close();
    }
    log.info("config reloaded: {} collectors", current.plan().collectors().size());
    return Optional.empty();
  }

  @Override
  public RenderedMetrics rendered() {
    return current.registry().rendered();
  }

  @Override
  public List<CollectorState> collectors() {
    return current.registry().states();
  }

  @Override
  public boolean ready() {
    return current.registry().allRanOnce();
  }

  public List<Integer> ports() {
    return http.ports();
  }

  /** Stops collecting (bounded by the grace period), then closes the HTTP server and the plan. */
  public synchronized void close(Duration grace) {
    Generation g = current;
    if (g != null) {
      g.scheduler().close(grace);
    }
    try {
      http.close();
    } catch (Exception e) {
      log.warn("stopping the HTTP server failed", e);
    }
    if (g != null) {
      g.plan().close();
    }
  }

  @Override
  public void close() {
    close(options.shutdownGrace());
  }
}
