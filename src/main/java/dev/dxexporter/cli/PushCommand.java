package dev.dxexporter.cli;

import dev.dxexporter.client.CiEnvironment;
import dev.dxexporter.client.PushClient;
import dev.dxexporter.client.PushOutcome;
import dev.dxexporter.client.PushParameters;
import dev.dxexporter.client.ReportBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code push --url U --project P PATH…}: sends each path (a reports directory or one report file)
 * to a running exporter as one report. Exit codes: 0 every report stored (or already stored), 1 a
 * report was refused (broken, too large, unknown project, unreadable here), 2 a usage error, 3 the
 * token was refused, 4 the exporter did not answer (or kept answering 429/5xx) after every retry.
 * With several outcomes, the highest code.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Send test and coverage reports to a running exporter (POST /api/v1/reports).",
      "Each PATH is one report: a directory is sent as a tar.gz of its files, a file gzip-encoded.",
      "Branch, commit and run come from GitHub Actions, GitLab CI, Jenkins or Buildkite when not"
          + " given.",
      "Exit: 0 stored, 1 refused, 2 usage, 3 token refused, 4 exporter unavailable."
    })
final class PushCommand implements Callable<Integer> {
  private final Map<String, String> env;
  private final Runnable quietLogs;

  @Option(names = "--url", required = true, description = "The exporter, e.g. https://dx:9184.")
  URI url;

  @Option(names = "--project", required = true, description = "The project, as in the config.")
  String project;

  @Option(names = "--report", description = "The report's name (default: tests or coverage).")
  Optional<String> report = Optional.empty();

  @Mixin CiOverrides ciOverrides;

  @Option(
      names = "--format",
      description =
          "junit, cobertura, lcov, jacoco, a benchmark format, or auto (default: from the content).")
  Optional<String> format = Optional.empty();

  @Mixin ExporterConnection connection;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Reports directories or files.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  PushCommand(Map<String, String> env, Runnable quietLogs) {
    this.env = env;
    this.quietLogs = quietLogs;
  }

  @Override
  public Integer call() throws InterruptedException {
    quietLogs.run();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PushClient client;
    try {
      client = new PushClient(connection.settings(url, spec.commandLine(), env));
    } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    CiEnvironment ci = ciOverrides.resolve(env);
    PushParameters params =
        new PushParameters(project, report, ci.branch(), ci.commit(), ci.run(), format);
    int exit = 0;
    Path work = null;
    try {
      work = Files.createTempDirectory("dx-push-");
      for (Path path : paths) {
        exit = Math.max(exit, pushOne(client, path, params, work, out, err));
      }
    } catch (IOException e) {
      err.println("cannot make a work directory: " + e.getMessage());
      exit = Math.max(exit, 1);
    } finally {
      delete(work);
      out.flush();
      err.flush();
    }
    return exit;
  }

  private static int pushOne(
      PushClient client,
      Path path,
      PushParameters params,
      Path work,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    ReportBundle bundle;
    try {
      bundle = ReportBundle.pack(path, work);
    } catch (IOException e) {
      err.println(path + ": not sent: " + e.getMessage());
      return 1;
    }
    PushOutcome o = client.push(bundle, params);
    String line =
        String.format(
            "%s: %s (HTTP %s, %d file(s), %d attempt(s)): %s",
            path,
            o.result().name().toLowerCase(java.util.Locale.ROOT),
            o.status() == 0 ? "none" : Integer.toString(o.status()),
            bundle.files(),
            o.attempts(),
            o.message());
    (o.result().exitCode() == 0 ? out : err).println(line);
    if (o.result() == PushOutcome.Result.UNAUTHORIZED) {
      err.println("  the token comes from the environment variable named by --token-env");
    }
    return o.result().exitCode();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is not worth failing the push for.
    }
  }
}
