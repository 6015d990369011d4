package dev.dxexporter.config;

import java.util.Set;

/**
 * Dependency counting for one project. An empty {@code ecosystems} set means: detect the manifests
 * present on every run.
 */
public record DependencyConfig(Schedule schedule, Set<String> ecosystems) {
  /** The ecosystem names the dependency collector understands. */
  public static final Set<String> KNOWN_ECOSYSTEMS = Set.of("cargo", "maven", "npm", "go");

  public DependencyConfig {
    ecosystems = Set.copyOf(ecosystems);
  }
}
