package dev.dxexporter.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole, validated configuration. {@code source} is the file it came from, or empty for the
 * built-in zero-config default.
 */
public record DxConfig(Optional<Path> source, List<ProjectConfig> projects) {
  public DxConfig {
    projects = List.copyOf(projects);
  }
}
