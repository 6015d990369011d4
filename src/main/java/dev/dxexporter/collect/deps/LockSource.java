package dev.dxexporter.collect.deps;

/**
 * Where a locked package comes from: the {@code source} label of {@code dx_dependencies_locked}.
 */
public enum LockSource {
  REGISTRY("registry"),
  GIT("git"),
  PATH("path");

  private final String label;

  LockSource(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
