package dev.dxexporter.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One monitored project: its root directory, the caches to measure, its dependency counting. */
public record ProjectConfig(
    String name, Path path, List<CacheConfig> caches, Optional<DependencyConfig> dependencies) {
  public ProjectConfig {
    caches = List.copyOf(caches);
  }
}
