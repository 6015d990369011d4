package dev.dxexporter.collect.deps.maven;

import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.collect.deps.manifest.EcosystemReader;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SecureXml;
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
public final class MavenDependencyReader implements EcosystemReader {
  static final List<String> SCOPES = List.of("compile", "provided", "runtime", "test", "system");

  private final BoundedFiles files;
  private final SecureXml xmlInput = new SecureXml();

  public MavenDependencyReader(BoundedFiles files) {
    this.files = files;
  }

  /**
   * The directories of the reactor's projects (the root first, then its {@code <modules>},
   * recursively): where their {@code target/} directories are. Zero-config cache detection.
   */
  public List<Path> moduleDirectories(Path projectRoot)
      throws InputException, InterruptedException {
    return new MavenReactor(files, xmlInput)
        .modules(projectRoot).stream().map(m -> m.pom().getParent()).toList();
  }

  @Override
  public DependencyReport read(Path projectRoot) throws InputException, InterruptedException {
    List<MavenModule> modules = new MavenReactor(files, xmlInput).modules(projectRoot);
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
          throw new InputException(
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
