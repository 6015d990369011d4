package dev.dxexporter.cli;

import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.ZeroConfig;
import dev.dxexporter.config.yaml.ConfigException;
import dev.dxexporter.daemon.Services;
import dev.dxexporter.gate.Card;
import dev.dxexporter.gate.CardLine;
import dev.dxexporter.gate.Objectives;
import dev.dxexporter.gate.Status;
import dev.dxexporter.plan.Source;
import dev.dxexporter.store.StoreSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check}: the Quick Reference Card as a CI gate. Runs every collector of the config (or of
 * the zero-config default over the workspace) once, in this process, with no port and no daemon,
 * evaluates the objectives and prints the card. Exit 0 when every gate holds, 1 when one fails (or
 * a required objective has no data), 2 on a usage or config error.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Collect once, print the Quick Reference Card and gate on it.",
      "Exit 0: every gate holds; 1: a gate fails or a --require'd objective has no data;"
          + " 2: usage or config error."
    })
final class CheckCommand implements Callable<Integer> {
  static final int GATE_FAILED = 1;
  static final int CONFIG_ERROR = 2;

  /** The formats of the card. */
  enum Format {
    text,
    markdown,
    json
  }

  private final List<? extends Source<?, ?>> sources;
  private final Runnable quietLogs;

  @Option(
      names = "--config.file",
      paramLabel = "FILE",
      description = "YAML config file. Without it, the workspace is checked as one project.")
  Path configFile;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The project directory of the zero-config default. Default: ${DEFAULT-VALUE}.")
  Path workspace;

  @Option(
      names = "--storage.path",
      paramLabel = "DIR",
      description =
          "The store to read earlier runs from and ingest into (e.g. the daemon's). Default: a"
              + " temporary store, removed afterwards.")
  Path storagePath;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, markdown (for $GITHUB_STEP_SUMMARY) or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--require",
      paramLabel = "OBJECTIVE",
      split = ",",
      description = "Fail when this objective has no data (repeatable or comma-separated).")
  List<String> required = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  CheckCommand(List<? extends Source<?, ?>> sources, Runnable quietLogs) {
    this.sources = sources;
    this.quietLogs = quietLogs;
  }

  @Override
  public Integer call() throws IOException {
    for (String name : required) {
      if (Objectives.DEFAULTS.stream().noneMatch(o -> o.name().equals(name))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--require: unknown objective " + name + CheckReport.known());
      }
    }
    quietLogs.run();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DxConfig config;
    try {
      config = load();
    } catch (ConfigException e) {
      e.errors().forEach(err::println);
      err.flush();
      return CONFIG_ERROR;
    }
    List<Card> cards;
    try (TemporaryStore store = TemporaryStore.unless(Optional.ofNullable(storagePath));
        Services services =
            new Services(
                Clock.systemUTC(),
                2,
                Optional.of(new Services.Storage(store.directory(), StoreSettings.defaults())))) {
      cards = OneRun.cards(config, sources, services, err);
    }
    out.print(CheckReport.render(cards, format));
    out.flush();
    List<String> missing = missing(cards);
    missing.forEach(m -> err.println("required objective has no data: " + m));
    err.flush();
    boolean gatesHold = cards.stream().allMatch(Card::gatesHold);
    return gatesHold && missing.isEmpty() ? 0 : GATE_FAILED;
  }

  private DxConfig load() throws ConfigException {
    if (configFile != null) {
      return ConfigCheckCommand.loader(sources).load(configFile);
    }
    Path home = Path.of(System.getProperty("user.home"));
    return ZeroConfig.forDirectory(workspace, home, System.getenv(), sources);
  }

  /** {@code project/objective} of every required objective that has no data. */
  private List<String> missing(List<Card> cards) {
    List<String> missing = new ArrayList<>();
    for (Card card : cards) {
      for (CardLine line : card.lines()) {
        if (line.status() == Status.NO_DATA && required.contains(line.objective().name())) {
          missing.add(card.project() + "/" + line.objective().name());
        }
      }
    }
    return missing;
  }
}
