package dev.dxexporter.cli;

import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.ZeroConfig;
import dev.dxexporter.config.yaml.ConfigException;
import dev.dxexporter.daemon.BuildInfo;
import dev.dxexporter.daemon.Daemon;
import dev.dxexporter.daemon.Services;
import dev.dxexporter.daemon.Signals;
import dev.dxexporter.http.ListenAddress;
import dev.dxexporter.logging.LogSetup;
import dev.dxexporter.plan.CollectorPlan;
import dev.dxexporter.plan.Source;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code serve}: runs the exporter until SIGTERM or SIGINT, then stops gracefully and exits 0. The
 * signal handlers are installed before anything else, so a signal at any moment of start-up stops
 * it promptly.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the exporter (the default command).")
final class ServeCommand implements Callable<Integer> {
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final List<? extends Source<?, ?>> sources;
  @Mixin ServeOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  ServeCommand(List<? extends Source<?, ?>> sources) {
    this.sources = sources;
  }

  @Override
  public Integer call() {
    return serve(sources, options, spec.commandLine());
  }

  static int serve(List<? extends Source<?, ?>> sources, ServeOptions o, CommandLine cli) {
    Signals signals = Signals.install();
    List<ListenAddress> listen = o.validate(cli);
    try {
      LogSetup.configure(o.logLevel, o.logFormat);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
    Logger log = LoggerFactory.getLogger(ServeCommand.class);
    BuildInfo build = BuildInfo.load();
    log.info(
        "Starting dx-exporter version={} revision={} java={}",
        build.version(),
        build.revision(),
        build.javaVersion());
    Daemon.ConfigSource source = configSource(sources, o.configFile);
    DxConfig config;
    Daemon.Web web;
    try {
      config = source.load();
    } catch (ConfigException e) {
      e.errors().forEach(error -> log.error("invalid config: {}", error));
      log.error(
          "refusing to start: {} problem(s) in {}",
          e.errors().size(),
          o.configFile == null ? "the zero-config default" : o.configFile);
      return 1;
    }
    try {
      web = Daemon.Web.read(o.webConfigFile);
    } catch (ConfigException e) {
      e.errors().forEach(error -> log.error("invalid web config: {}", error));
      log.error("refusing to start: {} problem(s) in {}", e.errors().size(), o.webConfigFile);
      return 1;
    }
    config.warnings().forEach(w -> log.warn("config: {}", w));
    CollectorPlan.describe(config, sources).forEach(log::info);
    Services services =
        new Services(Clock.systemUTC(), o.scanThreads, java.util.Optional.of(o.storage()));
    services.openStoreInBackground();
    Daemon daemon;
    try {
      daemon =
          Daemon.start(
              build,
              sources,
              config,
              source,
              web,
              new Daemon.Options(
                  listen,
                  o.telemetryPath,
                  o.collectorThreads,
                  SHUTDOWN_GRACE,
                  o.httpLimits(),
                  o.unauthenticatedHealth),
              services);
    } catch (Exception e) {
      log.error("{}", e.getMessage());
      return 1;
    }
    signals.started(
        () -> {
          log.info("SIGHUP received: reloading the config");
          daemon.reload();
        });
    try {
      signals.awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("shutting down");
    daemon.close(SHUTDOWN_GRACE);
    log.info("stopped");
    return 0;
  }

  /** The config file, re-read on reload; without one, the zero-config default, re-detected. */
  static Daemon.ConfigSource configSource(List<? extends Source<?, ?>> sources, Path file) {
    if (file != null) {
      return () -> ConfigCheckCommand.loader(sources).load(file);
    }
    Path home = Path.of(System.getProperty("user.home"));
    return () -> ZeroConfig.forDirectory(Path.of(""), home, System.getenv(), sources);
  }
}
