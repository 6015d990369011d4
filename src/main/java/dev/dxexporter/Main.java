package dev.dxexporter;

import dev.dxexporter.collect.deps.Ecosystem;
import dev.dxexporter.config.ConfigException;
import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.WebConfig;
import dev.dxexporter.config.WebConfigLoader;
import dev.dxexporter.config.ZeroConfig;
import dev.dxexporter.http.ListenAddress;
import dev.dxexporter.logging.LogSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The command line: {@code serve} (the default), {@code config check FILE}, {@code --version}. */
@Command(
    name = "dx-exporter",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Prometheus exporter for build health and developer experience.",
    subcommands = {Main.Serve.class, Main.ConfigCommand.class})
public final class Main implements Callable<Integer> {
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  @Mixin ServeOptions options;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(false);
  }

  /** With no subcommand, serve. */
  @Override
  public Integer call() {
    return serve(options);
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Run the exporter (the default command).")
  static final class Serve implements Callable<Integer> {
    @Mixin ServeOptions options;

    @Override
    public Integer call() {
      return serve(options);
    }
  }

  @Command(
      name = "config",
      description = "Work with config files.",
      subcommands = {ConfigCheck.class},
      mixinStandardHelpOptions = true)
  static final class ConfigCommand {}

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Validate a config file: exit 0 when valid, 1 with every problem listed.")
  static final class ConfigCheck implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        DxConfig config = loader().load(file);
        int collectors = CollectorPlan.count(config);
        out.printf(
            "%s: valid, %d project(s), %d collector(s)%n",
            file, config.projects().size(), collectors);
        out.flush();
        return 0;
      } catch (ConfigException e) {
        e.errors().forEach(err::println);
        err.flush();
        return 1;
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo b = BuildInfo.load();
      return new String[] {
        "dx-exporter, version " + b.version() + " (revision: " + b.revision() + ")",
        "  java: " + b.javaVersion() + " (" + System.getProperty("java.vendor", "?") + ")"
      };
    }
  }

  private static ConfigLoader loader() {
    return new ConfigLoader(Path.of(System.getProperty("user.home")));
  }

  /** The web config read now, and re-read from the same file on reload; none without the flag. */
  static Daemon.Web webConfig(Path file) throws ConfigException {
    if (file == null) {
      return Daemon.Web.none();
    }
    WebConfigLoader loader = new WebConfigLoader();
    WebConfig initial = loader.load(file);
    return new Daemon.Web(initial, () -> loader.load(file));
  }

  static int serve(ServeOptions o) {
    try {
      LogSetup.configure(o.logLevel, o.logFormat);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    BuildInfo build = BuildInfo.load();
    log.info(
        "Starting dx-exporter version={} revision={} java={}",
        build.version(),
        build.revision(),
        build.javaVersion());
    List<ListenAddress> listen;
    Daemon.ConfigSource source;
    DxConfig config;
    Daemon.Web web;
    try {
      listen = o.listenAddresses.stream().map(ListenAddress::parse).toList();
      if (!o.telemetryPath.startsWith("/")) {
        throw new IllegalArgumentException("--web.telemetry-path must start with '/'");
      }
      Path home = Path.of(System.getProperty("user.home"));
      Path cwd = Path.of("");
      Path file = o.configFile;
      source =
          file == null
              ? () ->
                  ZeroConfig.forDirectory(
                      cwd, home, System.getenv(), root -> !Ecosystem.detect(root).isEmpty())
              : () -> loader().load(file);
      config = source.load();
    } catch (ConfigException e) {
      e.errors().forEach(error -> log.error("invalid config: {}", error));
      log.error("refusing to start: {} problem(s) in {}", e.errors().size(), o.configFile);
      return 1;
    } catch (IllegalArgumentException e) {
      log.error("{}", e.getMessage());
      return 2;
    }
    try {
      web = webConfig(o.webConfigFile);
    } catch (ConfigException e) {
      e.errors().forEach(error -> log.error("invalid web config: {}", error));
      log.error("refusing to start: {} problem(s) in {}", e.errors().size(), o.webConfigFile);
      return 1;
    }
    for (ProjectConfig p : config.projects()) {
      log.info(
          "project {} at {}: caches {}, dependencies {}",
          p.name(),
          p.path(),
          p.caches().stream().map(c -> c.name() + "=" + c.path()).toList(),
          p.dependencies().isPresent() ? "on" : "off");
    }
    Clock clock = Clock.systemUTC();
    Daemon daemon;
    try {
      daemon =
          Daemon.start(
              build,
              config,
              source,
              c -> CollectorPlan.create(c, o.scanThreads, clock),
              new Daemon.Options(listen, o.telemetryPath, o.collectorThreads, SHUTDOWN_GRACE),
              web,
              clock);
    } catch (Exception e) {
      log.error("{}", e.getMessage());
      return 1;
    }
    ReloadSignal.install(() -> daemon.reload());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  daemon.close(SHUTDOWN_GRACE);
                  stopped.countDown();
                },
                "dx-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
