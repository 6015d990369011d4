package dev.dxexporter.collect.deps.go;

import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.collect.deps.manifest.EcosystemReader;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Go: the root go.mod, one package labelled with its module path; kind normal for direct
 * requirements and indirect for {@code // indirect} ones. Distinct external counts the direct ones
 * only: indirect requirements are there for module graph pruning, not because the module imports
 * them. go.sum is a checksum database, not a lockfile, so there are no locked/duplicated series.
 */
public final class GoDependencyReader implements EcosystemReader {
  private final BoundedFiles files;

  public GoDependencyReader(BoundedFiles files) {
    this.files = files;
  }

  @Override
  public DependencyReport read(Path projectRoot) throws InputException {
    GoModule module = GoModule.read(projectRoot.resolve("go.mod"), files);
    Map<String, Set<String>> byKind = new LinkedHashMap<>();
    byKind.put("normal", new TreeSet<>());
    byKind.put("indirect", new TreeSet<>());
    for (GoModule.Requirement r : module.requirements()) {
      byKind.get(r.indirect() ? "indirect" : "normal").add(r.path());
    }
    return new DependencyReport(
        Ecosystem.GO,
        List.of(new PackageDependencies(module.modulePath(), byKind)),
        byKind.get("normal"),
        Optional.empty());
  }
}
