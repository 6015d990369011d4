package dev.dxexporter.cli;

import dev.dxexporter.daemon.BuildInfo;
import picocli.CommandLine;

/** {@code --version}: the program, its version and revision, and the JVM. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo b = BuildInfo.load();
    return new String[] {
      "dx-exporter, version " + b.version() + " (revision: " + b.revision() + ")",
      "  java: " + b.javaVersion() + " (" + System.getProperty("java.vendor", "?") + ")"
    };
  }
}
