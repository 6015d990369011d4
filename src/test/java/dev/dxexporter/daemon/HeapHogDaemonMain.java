package dev.dxexporter.daemon;

import dev.dxexporter.Main;
import dev.dxexporter.cli.Cli;
import dev.dxexporter.plan.Source;
import java.util.ArrayList;
import java.util.List;

/** The real daemon ({@code serve} with every source of {@link Main}) plus {@link HeapHogSource}. */
public final class HeapHogDaemonMain {
  private HeapHogDaemonMain() {}

  public static void main(String[] args) {
    List<Source<?, ?>> sources = new ArrayList<>(Main.sources());
    sources.add(new HeapHogSource());
    System.exit(Cli.commandLine(sources).execute(args));
  }
}
