package dev.dxexporter.daemon;

import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.yaml.ConfigException;
import dev.dxexporter.gate.Card;
import dev.dxexporter.gate.ObjectiveSamples;
import dev.dxexporter.http.ExporterRoutes;
import dev.dxexporter.http.ExporterStatus;
import dev.dxexporter.http.HttpLimits;
import dev.dxexporter.http.HttpServer;
import dev.dxexporter.http.ListenAddress;
import dev.dxexporter.http.PageSection;
import dev.dxexporter.http.Route;
import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.RenderThread;
import dev.dxexporter.metrics.RenderedMetrics;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SnapshotRegistry;
import dev.dxexporter.plan.CollectorPlan;
import dev.dxexporter.plan.Source;
import dev.dxexporter.schedule.CollectorScheduler;
import dev.dxexporter.webconfig.WebConfig;
import dev.dxexporter.webconfig.WebConfigLoader;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running exporter, three rooms wired once: the lifetime {@link Services}, the collectors (one
 * long-lived registry and scheduler, the running plan replaced on reload by {@link
 * RunningCollectors}) and the HTTP server. The server listens first (a taken port fails fast) and
 * answers at once: until every collector has run, {@code /-/ready} is 503 and {@code /metrics} has
 * the self-metrics. A reload re-reads both config files and, when both are valid, applies the web
 * config and moves to the new plan; an invalid config leaves everything as it runs.
 */
public final class Daemon implements AutoCloseable, ExporterStatus {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  /** Command-line settings of the serving side; openHealth: health and ready without login. */
  public record Options(
      List<ListenAddress> listen,
      String telemetryPath,
      int collectorThreads,
      Duration shutdownGrace,
      HttpLimits httpLimits,
      boolean openHealth) {
    /** With the default connection cap and header deadline, health behind the auth. */
    public Options(List<ListenAddress> listen, String path, int threads, Duration grace) {
      this(listen, path, threads, grace, HttpLimits.DEFAULTS, false);
    }
  }

  /** Where the config comes from: a file (re-read on reload) or the zero-config default. */
  public interface ConfigSource {
    DxConfig load() throws ConfigException;
  }

  /** The web config read at start-up, and how to re-read it on reload (never per request). */
  public record Web(WebConfig initial, WebSource source) {
    /** No web config file: plain HTTP, no auth. */
    public static Web none() {
      return new Web(WebConfig.NONE, () -> WebConfig.NONE);
    }

    /** The web config read now from {@code file}, and re-read from it on reload; none for null. */
    public static Web read(java.nio.file.Path file) throws ConfigException {
      if (file == null) {
        return none();
      }
      WebConfigLoader loader = new WebConfigLoader();
      WebConfig initial = loader.load(file);
      return new Web(initial, () -> loader.load(file));
    }
  }

  /** Re-reads the web config file. */
  public interface WebSource {
    WebConfig load() throws ConfigException;
  }

  private final BuildInfo build;
  private final List<? extends Source<?, ?>> sources;
  private final ConfigSource configSource;
  private final WebSource webSource;
  private final Options options;
  private final Services services;
  private final RenderThread renderThread = new RenderThread(RenderThread.GAP);
  private final SnapshotRegistry registry;
  private final CollectorScheduler scheduler;
  private final RunningCollectors collectors;
  private final HttpServer http;
  private final Reloads reloads = new Reloads(this::reloadNow);
  private final StoreMetrics storeMetrics;
  private ConfigReload reloadStatus;
  private volatile DxConfig config;

  private Daemon(
      BuildInfo build,
      List<? extends Source<?, ?>> sources,
      ConfigSource configSource,
      Web web,
      Options options,
      Services services)
      throws Exception {
    this.build = build;
    this.sources = List.copyOf(sources);
    this.configSource = configSource;
    this.webSource = web.source();
    this.options = options;
    this.services = services;
    this.reloadStatus = ConfigReload.loadedAt(services.clock().instant());
    PrometheusRegistry jvm = new PrometheusRegistry();
    JvmMetrics.builder().register(jvm);
    this.registry =
        new SnapshotRegistry(
            daemonSamples(),
            jvm::scrape,
            states -> ObjectiveSamples.of(cards(states)),
            renderThread);
    this.scheduler = new CollectorScheduler(options.collectorThreads());
    this.collectors = new RunningCollectors(registry, scheduler, services.clock());
    this.storeMetrics = new StoreMetrics(services);
    DaemonRouteContext routeContext = new DaemonRouteContext(() -> config, services, collectors);
    List<Route> routes =
        new ArrayList<>(
            ExporterRoutes.of(
                options.telemetryPath(), build.version(), this, options.openHealth()));
    for (Source<?, ?> source : this.sources) {
      routes.addAll(source.routes(routeContext));
    }
    this.http = new HttpServer(options.listen(), routes, web.initial(), options.httpLimits());
  }

  /**
   * Binds the ports, then starts the collectors of {@code config}.
   *
   * @param services the lifetime services; closed by {@link #close}
   */
  public static Daemon start(
      BuildInfo build,
      List<? extends Source<?, ?>> sources,
      DxConfig config,
      ConfigSource configSource,
      Web web,
      Options options,
      Services services)
      throws Exception {
    Daemon daemon = new Daemon(build, sources, configSource, web, options, services);
    daemon.config = config;
    try {
      daemon.http.start();
    } catch (Exception e) {
      daemon.close(Duration.ZERO);
      throw new IllegalStateException(
          "cannot listen on " + options.listen() + ": " + e.getMessage(), e);
    }
    try {
      InternalJobs.add(
          daemon.scheduler,
          daemon.registry::refreshRuntime,
          services.hasStorage(),
          daemon::refreshStore,
          () -> daemon.storeMetrics.applyRetention());
      daemon.collectors.apply(CollectorPlan.create(config, daemon.sources, services));
      daemon.scheduler.start();
    } catch (Exception e) {
      daemon.close(Duration.ZERO);
      throw e;
    }
    log.info(
        "listening on {} with {} collectors; {}",
        options.listen(),
        daemon.collectors.current().collectors().size(),
        web.initial().describe());
    return daemon;
  }

  private synchronized List<Sample> daemonSamples() {
    List<Sample> samples = new ArrayList<>(List.of(build.sample()));
    samples.addAll(reloadStatus.samples());
    if (storeMetrics != null) {
      samples.addAll(storeMetrics.samples());
    }
    return samples;
  }

  private void refreshStore() {
    storeMetrics.refresh();
    registry.setDaemonSamples(daemonSamples());
  }

  /**
   * Asks for a reload (SIGHUP, POST /-/reload): coalesced with any pending one; completes with the
   * error when the new config was refused.
   */
  @Override
  public CompletionStage<Optional<String>> reload() {
    return reloads.request();
  }

  /**
   * Re-reads the config and the web config and, when both are valid, applies the web config (users
   * and headers to the next requests, TLS settings to the next connections) and moves to the new
   * plan. Any failure, whatever its cause, is a refused reload: counted, logged, nothing changed.
   */
  private synchronized Optional<String> reloadNow() {
    DxConfig config;
    WebConfig web;
    try {
      web = webSource.load();
      config = configSource.load();
    } catch (ConfigException e) {
      e.errors().forEach(error -> log.error("reload: invalid config: {}", error));
      return refused(e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      log.error("reload: reading the config failed", e);
      return refused("reading the config failed: " + e);
    }
    try {
      if (http.apply(web)) {
        log.warn(
            "reload: the web config turns TLS {}; that takes effect only after a restart (users,"
                + " headers applied)",
            web.tls().isPresent() ? "on" : "off");
      }
    } catch (Exception e) {
      log.error("reload: applying the web config's TLS settings failed", e);
      return refused("web config: " + e.getMessage());
    }
    try {
      CollectorPlan next =
          CollectorPlan.create(config, sources, services).keeping(collectors.current());
      collectors.apply(next);
      this.config = config;
    } catch (Exception | StackOverflowError e) {
      log.error("reload: starting the new collectors failed; the running ones carry on", e);
      return refused(String.valueOf(e.getMessage()));
    }
    reloadStatus = ConfigReload.loadedAt(services.clock().instant());
    registry.setDaemonSamples(daemonSamples());
    config.warnings().forEach(w -> log.warn("reload: config: {}", w));
    log.info("config reloaded: {} collectors", collectors.current().collectors().size());
    return Optional.empty();
  }

  private Optional<String> refused(String error) {
    reloadStatus = reloadStatus.failed(error);
    registry.setDaemonSamples(daemonSamples());
    return Optional.of(error);
  }

  @Override
  public Optional<String> unhealthy() {
    return scheduler.stalled(CollectorScheduler.STALLED_AFTER);
  }

  @Override
  public RenderedMetrics rendered() {
    return registry.rendered();
  }

  @Override
  public List<CollectorState> collectors() {
    return registry.states();
  }

  @Override
  public List<PageSection> pageSections() {
    DxConfig c = config;
    return sources.stream().flatMap(s -> s.pageSections(c).stream()).toList();
  }

  @Override
  public List<Card> cards() {
    return cards(registry.states());
  }

  private List<Card> cards(List<CollectorState> states) {
    DxConfig c = config;
    return c == null ? List.of() : Source.cards(sources, c, states);
  }

  @Override
  public boolean ready() {
    return registry.allRanOnce();
  }

  public List<Integer> ports() {
    return http.ports();
  }

  /**
   * Stops collecting (running collectors are interrupted and waited for at most {@code grace}),
   * closes the HTTP server (releasing the ports), then the lifetime services.
   */
  public void close(Duration grace) {
    reloads.close();
    scheduler.close(grace);
    renderThread.close();
    try {
      http.close();
    } catch (Exception e) {
      log.warn("stopping the HTTP server failed", e);
    }
    services.close();
  }

  @Override
  public void close() {
    close(options.shutdownGrace());
  }
}
