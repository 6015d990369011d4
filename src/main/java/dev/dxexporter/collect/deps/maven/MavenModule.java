package dev.dxexporter.collect.deps.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * One project of a Maven reactor after inheritance from parents found on disk: coordinates and the
 * dependencies it effectively declares, with scope defaulted (own, else dependencyManagement, else
 * compile) and {@code ${...}} properties resolved where they can be.
 */
record MavenModule(
    Path pom, String groupId, String artifactId, List<MavenDependency> dependencies) {
  MavenModule {
    dependencies = List.copyOf(dependencies);
  }

  String coordinates() {
    return groupId + ":" + artifactId;
  }
}
