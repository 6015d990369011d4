package dev.dxexporter.collect.deps.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * A package ecosystem whose manifests the dependency collector reads; {@link #label()} is the
 * metric label.
 */
public enum Ecosystem {
  CARGO("cargo", "Cargo.toml"),
  MAVEN("maven", "pom.xml"),
  NPM("npm", "package.json"),
  GO("go", "go.mod");

  private final String label;
  private final String manifestFileName;

  Ecosystem(String label, String manifestFileName) {
    this.label = label;
    this.manifestFileName = manifestFileName;
  }

  /** The value of the {@code ecosystem} label. */
  public String label() {
    return label;
  }

  /** The manifest at a project root that marks this ecosystem (Cargo.toml, pom.xml, ...). */
  public String manifestFileName() {
    return manifestFileName;
  }

  /**
   * The ecosystems whose root manifest is a regular file directly in {@code projectRoot}. Only the
   * root is looked at: nested manifests belong to the root's workspace/modules, or to nothing.
   */
  public static Set<Ecosystem> detect(Path projectRoot) {
    Set<Ecosystem> found = EnumSet.noneOf(Ecosystem.class);
    for (Ecosystem ecosystem : values()) {
      if (Files.isRegularFile(projectRoot.resolve(ecosystem.manifestFileName))) {
        found.add(ecosystem);
      }
    }
    return found;
  }
}
