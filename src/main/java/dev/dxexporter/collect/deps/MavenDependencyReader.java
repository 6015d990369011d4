package dev.dxexporter.collect.deps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maven: per reactor project (label: artifactId; groupId:artifactId when two projects share an
 * artifactId) the distinct dependencies per scope; distinct external = groupId:artifactId over all
 * projects except the reactor's own. Maven has no lockfile, so no locked/duplicated series.
 */
final class MavenDependencyReader implements EcosystemReader {
  static final List<String> SCOPES = List.of("compile", "provided", "runtime", "test", "system");

  private final ManifestFiles files;

  MavenDependencyReader(ManifestFiles files) {
    this.files = files;
  }

  @Override
  public DependencyReport read(Path projectRoot) throws ManifestException, InterruptedException {
    List<MavenModule> modules = new MavenReactor(files).modules(projectRoot);
    Set<String> reactor = new TreeSet<>();
    Map<String, Integer> artifactIds = new HashMap<>();
    for (MavenModule module : modules) {
      reactor.add(module.coordinates());
      artifactIds.merge(module.artifactId(), 1, Integer::sum);
    }
    List<PackageDependencies> packages = new ArrayList<>();
    Set<String> external = new TreeSet<>();
    for (MavenModule module : modules) {
      Map<String, Set<String>> byScope = new LinkedHashMap<>();
      SCOPES.forEach(s -> byScope.put(s, new TreeSet<>()));
      for (MavenDependency d : module.dependencies()) {
        Set<String> names = byScope.get(d.scope());
        if (names == null) {
          throw new ManifestException(
              module.pom(),
              d.line(),
              0,
              "dependency "
                  + d.displayName()
                  + " has scope `"
                  + d.scope()
                  + "`, not one of "
                  + SCOPES);
        }
        names.add(d.displayName());
        String coordinates = d.groupId() + ":" + d.artifactId();
        if (!reactor.contains(coordinates)) {
          external.add(coordinates);
        }
      }
      String label =
          artifactIds.get(module.artifactId()) > 1 ? module.coordinates() : module.artifactId();
      packages.add(new PackageDependencies(label, byScope));
    }
    return new DependencyReport(Ecosystem.MAVEN, packages, external, Optional.empty());
  }
}
