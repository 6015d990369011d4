package dev.dxexporter.cli;

import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.yaml.ConfigException;
import dev.dxexporter.daemon.Services;
import dev.dxexporter.plan.CollectorPlan;
import dev.dxexporter.plan.Source;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code config check FILE}: exit 0 when valid, 1 with every problem listed. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Validate a config file: exit 0 when valid, 1 with every problem listed.")
final class ConfigCheckCommand implements Callable<Integer> {
  private final List<? extends Source<?, ?>> sources;

  @Parameters(paramLabel = "FILE")
  Path file;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  ConfigCheckCommand(List<? extends Source<?, ?>> sources) {
    this.sources = sources;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      DxConfig config = loader(sources).load(file);
      int collectors;
      // Planning creates collectors only; the services stay unused (and are created lazily).
      try (Services services = new Services(Clock.systemUTC(), 1)) {
        collectors = CollectorPlan.create(config, sources, services).collectors().size();
      }
      config.warnings().forEach(w -> err.println("warning: " + w));
      err.flush();
      out.printf(
          "%s: valid, %d project(s), %d collector(s)%s%n",
          file,
          config.projects().size(),
          collectors,
          config.warnings().isEmpty() ? "" : ", " + config.warnings().size() + " warning(s)");
      out.flush();
      return 0;
    } catch (ConfigException e) {
      e.errors().forEach(err::println);
      err.flush();
      return 1;
    }
  }

  static ConfigLoader loader(List<? extends Source<?, ?>> sources) {
    return new ConfigLoader(sources, Path.of(System.getProperty("user.home")), System.getenv());
  }
}
