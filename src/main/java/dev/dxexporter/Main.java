package dev.dxexporter;

import dev.dxexporter.cli.Cli;
import dev.dxexporter.plan.CacheSource;
import dev.dxexporter.plan.DependencySource;
import dev.dxexporter.plan.Source;
import java.util.List;

/** Builds the list of sources, in the order their collectors are planned, and hands it on. */
public final class Main {
  private Main() {}

  /** Every source of samples; a new source is one more line here. */
  public static List<Source<?, ?>> sources() {
    return List.of(new CacheSource(), new DependencySource());
  }

  public static void main(String[] args) {
    System.exit(Cli.commandLine(sources()).execute(args));
  }
}
