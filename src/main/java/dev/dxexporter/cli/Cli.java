package dev.dxexporter.cli;

import dev.dxexporter.collect.build.CommandRecorder;
import dev.dxexporter.logging.LogFormat;
import dev.dxexporter.logging.LogSetup;
import dev.dxexporter.plan.Source;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command line: {@code serve} (the default), {@code check}, {@code config check FILE}, {@code
 * push PATH…}, {@code record}, {@code --version}. Usage errors exit 2 with the flag named, an
 * unusable config 1.
 */
public final class Cli {
  private Cli() {}

  /** The command line over {@code sources}, ready to {@code execute(args)}. */
  public static CommandLine commandLine(List<? extends Source<?, ?>> sources) {
    return commandLine(
        sources, System.getenv(), () -> LogSetup.configure("warn", LogFormat.logfmt));
  }

  /**
   * The same, reading the environment of {@code push} (CI variables, the token) from {@code env}.
   */
  public static CommandLine commandLine(
      List<? extends Source<?, ?>> sources, Map<String, String> env) {
    return commandLine(sources, env, () -> {});
  }

  /**
   * @param quietLogs run by the CI-side commands ({@code push}, {@code record}) before they work:
   *     the libraries' start-up chatter must not mix with the build's own output
   */
  private static CommandLine commandLine(
      List<? extends Source<?, ?>> sources, Map<String, String> env, Runnable quietLogs) {
    CommandLine cli = new CommandLine(new Root(sources));
    cli.addSubcommand("serve", new CommandLine(new ServeCommand(sources)));
    CommandLine config = new CommandLine(new ConfigCommand());
    config.addSubcommand("check", new CommandLine(new ConfigCheckCommand(sources)));
    cli.addSubcommand("config", config);
    cli.addSubcommand("check", new CommandLine(new CheckCommand(sources, quietLogs)));
    cli.addSubcommand("push", new CommandLine(new PushCommand(env, quietLogs)));
    // Everything from the command on is the command's: `record … cargo build --release`.
    cli.addSubcommand(
        "record",
        new CommandLine(new RecordCommand(env, () -> new CommandRecorder(), quietLogs))
            .setStopAtPositional(true));
    cli.setCaseInsensitiveEnumValuesAllowed(false);
    return cli;
  }

  @Command(
      name = "dx-exporter",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Prometheus exporter for build health and developer experience.")
  static final class Root implements Callable<Integer> {
    private final List<? extends Source<?, ?>> sources;
    @Mixin ServeOptions options;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    Root(List<? extends Source<?, ?>> sources) {
      this.sources = sources;
    }

    /** With no subcommand, serve. */
    @Override
    public Integer call() {
      return ServeCommand.serve(sources, options, spec.commandLine());
    }
  }

  @Command(
      name = "config",
      description = "Work with config files.",
      mixinStandardHelpOptions = true)
  static final class ConfigCommand {}
}
