package dev.dxexporter.collect.deps.manifest;

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

  public String label() {
    return label;
  }
}
