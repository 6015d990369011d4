package dev.dxexporter.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the shipped ops artifacts, relative to the module directory Maven runs the tests in. */
public final class RepoFiles {
  public static final Path ROOT = Path.of("").toAbsolutePath();
  public static final Path RULES = ROOT.resolve("alerts/dx-exporter.rules.yml");
  public static final Path RULE_TESTS = ROOT.resolve("alerts/tests");
  public static final Path RUNBOOK = ROOT.resolve("alerts/RUNBOOK.md");
  public static final Path ALERTMANAGER_EXAMPLE = ROOT.resolve("alerts/alertmanager.example.yml");
  public static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");
  public static final Path CHART = ROOT.resolve("helm/dx-exporter");
  public static final Path CHART_VALUES = CHART.resolve("values.yaml");
  public static final Path CHART_ALL_FEATURES = CHART.resolve("ci/all-features-values.yaml");

  private RepoFiles() {}

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files in a directory whose name ends with the suffix, sorted by name. */
  public static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
