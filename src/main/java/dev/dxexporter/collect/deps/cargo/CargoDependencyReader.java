package dev.dxexporter.collect.deps.cargo;

import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.collect.deps.manifest.EcosystemReader;
import dev.dxexporter.collect.deps.manifest.LockSummary;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.TomlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cargo: per workspace member the distinct dependency keys per kind (normal, dev, build; an entry
 * in {@code [dependencies]} and in a {@code [target.*.dependencies]} table under the same key
 * counts once, as the same key can only name one dependency per kind and target); distinct external
 * = package names over all members and kinds, except path dependencies on members; the root
 * Cargo.lock if present.
 */
public final class CargoDependencyReader implements EcosystemReader {
  private final TomlDocuments documents;

  public CargoDependencyReader(TomlDocuments documents) {
    this.documents = documents;
  }

  @Override
  public DependencyReport read(Path projectRoot) throws InputException, InterruptedException {
    CargoWorkspace workspace = CargoWorkspace.load(projectRoot, documents);
    Set<Path> memberDirs = workspace.memberDirectories();
    List<PackageDependencies> packages = new ArrayList<>();
    Set<String> external = new TreeSet<>();
    for (CargoWorkspace.Member member : workspace.members()) {
      Map<String, Set<String>> byKind = new LinkedHashMap<>();
      for (CargoDependencyKind kind : CargoDependencyKind.values()) {
        byKind.put(kind.label(), new TreeSet<>());
      }
      for (CargoDependency dependency : member.dependencies()) {
        byKind.get(dependency.kind().label()).add(dependency.key());
        boolean onMember = dependency.path().map(memberDirs::contains).orElse(false);
        if (!onMember) {
          external.add(dependency.packageName());
        }
      }
      packages.add(new PackageDependencies(member.packageName(), byKind));
    }
    Path lockFile = workspace.root().resolve("Cargo.lock");
    Optional<LockSummary> lock =
        Files.exists(lockFile)
            ? Optional.of(CargoLockfile.read(lockFile, documents).summary())
            : Optional.empty();
    return new DependencyReport(Ecosystem.CARGO, packages, external, lock);
  }
}
