package dev.dxexporter.cli;

import dev.dxexporter.client.PushClient;
import dev.dxexporter.config.yaml.Durations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How {@code push} and {@code record --push} reach a running exporter: the shared flags. */
final class ExporterConnection {
  @Option(
      names = "--token-env",
      defaultValue = "DX_PUSH_TOKEN",
      description =
          "The environment variable holding the bearer token (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  @Option(
      names = "--retries",
      defaultValue = "4",
      description =
          "Attempts after the first, on no answer, 429 or 5xx (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--retry-wait",
      defaultValue = "1s",
      description =
          "The first wait between attempts, doubled each time (default: ${DEFAULT-VALUE}).")
  String retryWait;

  @Option(
      names = "--timeout",
      defaultValue = "60s",
      description = "Per request (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--ca-file", description = "PEM certificates to trust (a private CA).")
  Optional<Path> caFile = Optional.empty();

  /** The client settings for {@code url}; IllegalArgumentException naming the flag when wrong. */
  PushClient.Settings settings(URI url, CommandLine cli, Map<String, String> env) {
    Optional<String> token = Optional.ofNullable(env.get(tokenEnv)).filter(t -> !t.isBlank());
    if (token.isEmpty() && cli.getParseResult().hasMatchedOption("--token-env")) {
      throw new IllegalArgumentException("--token-env " + tokenEnv + ": no such variable is set");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("--retries must be 0 or more: " + retries);
    }
    if (url.getScheme() == null || !url.getScheme().matches("https?")) {
      throw new IllegalArgumentException("the exporter's URL must be http:// or https://: " + url);
    }
    return new PushClient.Settings(
        url,
        token.map(String::strip),
        positive("--timeout", timeout),
        retries,
        positive("--retry-wait", retryWait),
        caFile);
  }

  private static Duration positive(String flag, String text) {
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + ": " + e.getMessage());
    }
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(flag + " must be positive: " + text);
    }
    return d;
  }
}
