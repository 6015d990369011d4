package dev.dxexporter.cli;

import dev.dxexporter.config.yaml.Durations;
import dev.dxexporter.daemon.Services;
import dev.dxexporter.http.HttpLimits;
import dev.dxexporter.http.ListenAddress;
import dev.dxexporter.logging.LogFormat;
import dev.dxexporter.store.StoreSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The flags of {@code serve}, in the Prometheus style ({@code --web.listen-address} ...). */
final class ServeOptions {
  @Option(
      names = "--config.file",
      paramLabel = "FILE",
      description =
          "YAML config file. Without it, the current directory is monitored as one project.")
  Path configFile;

  @Option(
      names = "--web.config.file",
      paramLabel = "FILE",
      description =
          "exporter-toolkit web config (TLS, basic auth, headers). Read at start-up and"
              + " on reload. Default: none (plain HTTP, no auth).")
  Path webConfigFile;

  @Option(
      names = "--web.unauthenticated-health",
      description =
          "Serve /-/healthy and /-/ready without the web config's basic auth (every other path"
              + " keeps it): for Kubernetes probes, which cannot take a password from a Secret.")
  boolean unauthenticatedHealth;

  @Option(
      names = "--web.listen-address",
      paramLabel = "[HOST]:PORT",
      description = "Address to listen on; repeat for several. Default: ${DEFAULT-VALUE}.")
  List<String> listenAddresses = new ArrayList<>(List.of(":29100"));

  @Option(
      names = "--web.telemetry-path",
      paramLabel = "PATH",
      defaultValue = "/metrics",
      description = "Path under which to expose metrics. Default: ${DEFAULT-VALUE}.")
  String telemetryPath;

  @Option(
      names = "--web.max-connections",
      paramLabel = "N",
      defaultValue = "512",
      description =
          "Maximum number of simultaneous connections across all listen addresses; more wait in"
              + " the kernel's accept queue. 0: no limit. Default: ${DEFAULT-VALUE}.")
  int maxConnections;

  @Option(
      names = "--web.read-header-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Maximum time a client may take to send a request's headers (from connecting, or from"
              + " the first byte on a kept-alive connection); slower connections are closed."
              + " 0s: no deadline. Default: ${DEFAULT-VALUE}.")
  String readHeaderTimeout;

  @Option(
      names = "--log.level",
      paramLabel = "LEVEL",
      defaultValue = "info",
      description =
          "Only log messages with the given severity or above: debug, info, warn, error."
              + " Default: ${DEFAULT-VALUE}.")
  String logLevel;

  @Option(
      names = "--log.format",
      paramLabel = "FORMAT",
      defaultValue = "logfmt",
      description = "Output format of log messages: logfmt, json. Default: ${DEFAULT-VALUE}.")
  LogFormat logFormat;

  @Option(
      names = "--collector.concurrency",
      paramLabel = "N",
      defaultValue = "4",
      description = "Collectors that may run at the same time. Default: ${DEFAULT-VALUE}.")
  int collectorThreads;

  @Option(
      names = "--storage.path",
      paramLabel = "DIR",
      defaultValue = "data",
      description =
          "Directory of the store of ingested results (SQLite), created on start."
              + " Default: ${DEFAULT-VALUE}.")
  Path storagePath;

  @Option(
      names = "--storage.retention",
      paramLabel = "DURATION",
      defaultValue = "90d",
      description = "How long ingested reports are kept. Default: ${DEFAULT-VALUE}.")
  String storageRetention;

  @Option(
      names = "--storage.max-test-cases",
      paramLabel = "N",
      defaultValue = "5000000",
      description =
          "Most test-case rows kept; the oldest reports go first (the latest of each report never)."
              + " Default: ${DEFAULT-VALUE}.")
  long storageMaxCases;

  @Option(
      names = "--collector.scan-threads",
      paramLabel = "N",
      defaultValue = "4",
      description = "Threads of the cache scanner's work-stealing pool. Default: ${DEFAULT-VALUE}.")
  int scanThreads;

  /** The store's directory and settings. */
  Services.Storage storage() {
    return new Services.Storage(
        storagePath,
        StoreSettings.defaults()
            .withRetention(Durations.parse(storageRetention))
            .withMaxCaseRows(storageMaxCases));
  }

  /** The connection cap and header deadline; call after {@link #validate}. */
  HttpLimits httpLimits() {
    return new HttpLimits(maxConnections, Durations.parse(readHeaderTimeout));
  }

  /**
   * The listen addresses, checked; every problem names its flag.
   *
   * @throws CommandLine.ParameterException a usage error (exit 2)
   */
  List<ListenAddress> validate(CommandLine cli) {
    if (collectorThreads < 1 || collectorThreads > 256) {
      throw new CommandLine.ParameterException(
          cli, "--collector.concurrency must be between 1 and 256, not " + collectorThreads);
    }
    if (scanThreads < 1 || scanThreads > 256) {
      throw new CommandLine.ParameterException(
          cli, "--collector.scan-threads must be between 1 and 256, not " + scanThreads);
    }
    if (!telemetryPath.startsWith("/")
        || telemetryPath.startsWith("/-/")
        || telemetryPath.equals("/")) {
      throw new CommandLine.ParameterException(
          cli,
          "--web.telemetry-path must start with '/' and must not be '/' or under '/-/': "
              + telemetryPath);
    }
    try {
      Durations.parse(storageRetention);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--storage.retention: " + e.getMessage());
    }
    if (storageMaxCases < 1) {
      throw new CommandLine.ParameterException(
          cli, "--storage.max-test-cases must be at least 1, not " + storageMaxCases);
    }
    if (maxConnections < 0) {
      throw new CommandLine.ParameterException(
          cli, "--web.max-connections must be 0 (no limit) or more, not " + maxConnections);
    }
    try {
      Durations.parse(readHeaderTimeout);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--web.read-header-timeout: " + e.getMessage());
    }
    List<ListenAddress> out = new ArrayList<>();
    for (String address : listenAddresses) {
      try {
        out.add(ListenAddress.parse(address));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cli, "--web.listen-address: " + e.getMessage());
      }
    }
    return out;
  }
}
