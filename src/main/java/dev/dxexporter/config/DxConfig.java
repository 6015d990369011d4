package dev.dxexporter.config;

import dev.dxexporter.config.yaml.ConfigError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole, validated configuration. {@code source} is the file it came from, or empty for the
 * built-in zero-config default. {@code warnings}: located problems that do not make it invalid (a
 * project path that does not exist yet), shown by {@code config check} and logged at start-up and
 * on every reload.
 */
public record DxConfig(
    Optional<Path> source, List<ProjectConfig> projects, List<ConfigError> warnings) {
  public DxConfig {
    projects = List.copyOf(projects);
    warnings = List.copyOf(warnings);
  }

  public DxConfig(Optional<Path> source, List<ProjectConfig> projects) {
    this(source, projects, List.of());
  }
}
