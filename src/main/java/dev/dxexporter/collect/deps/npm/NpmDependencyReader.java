package dev.dxexporter.collect.deps.npm;

import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.collect.deps.manifest.EcosystemReader;
import dev.dxexporter.collect.deps.manifest.LockSummary;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.deps.manifest.WorkspaceGlob;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * npm: the root package.json and the packages of its {@code workspaces} (directories matched by the
 * patterns that hold a package.json, as npm maps them); distinct external = dependency names over
 * all of them and all kinds, except the workspaces' own names; the lockfile is npm-shrinkwrap.json
 * if present (npm prefers it), else package-lock.json.
 */
public final class NpmDependencyReader implements EcosystemReader {
  private final JsonDocuments json;

  public NpmDependencyReader(JsonDocuments json) {
    this.json = json;
  }

  @Override
  public DependencyReport read(Path projectRoot) throws InputException, InterruptedException {
    Path root = projectRoot.toAbsolutePath().normalize();
    Path rootFile = root.resolve("package.json");
    NpmPackage rootPackage = NpmPackage.read(rootFile, json);
    List<NpmPackage> all = new ArrayList<>(List.of(rootPackage));
    WorkspaceGlob glob = new WorkspaceGlob(root, rootFile);
    Set<Path> seen = new HashSet<>(List.of(root));
    for (String pattern : rootPackage.workspaces()) {
      for (Path dir : glob.expand(pattern)) {
        Path file = dir.resolve("package.json");
        if (seen.add(dir) && Files.isRegularFile(file)) {
          all.add(NpmPackage.read(file, json));
        }
      }
    }
    Set<String> own = new HashSet<>();
    all.forEach(p -> own.add(label(root, p)));
    List<PackageDependencies> packages = new ArrayList<>();
    Set<String> external = new TreeSet<>();
    for (NpmPackage p : all) {
      packages.add(new PackageDependencies(label(root, p), p.namesByKind()));
      for (Set<String> names : p.namesByKind().values()) {
        names.stream().filter(n -> !own.contains(n)).forEach(external::add);
      }
    }
    Path shrinkwrap = root.resolve("npm-shrinkwrap.json");
    Path lock = Files.exists(shrinkwrap) ? shrinkwrap : root.resolve("package-lock.json");
    Optional<LockSummary> summary =
        Files.exists(lock) ? Optional.of(NpmLockfile.read(lock, json).summary()) : Optional.empty();
    return new DependencyReport(Ecosystem.NPM, packages, external, summary);
  }

  /**
   * The directories of the root package.json's {@code workspaces} that hold a package.json (the
   * root itself excluded): where their {@code node_modules/} are. Zero-config cache detection.
   */
  public List<Path> workspaceDirectories(Path projectRoot)
      throws InputException, InterruptedException {
    Path root = projectRoot.toAbsolutePath().normalize();
    Path rootFile = root.resolve("package.json");
    NpmPackage rootPackage = NpmPackage.read(rootFile, json);
    WorkspaceGlob glob = new WorkspaceGlob(root, rootFile);
    Set<Path> dirs = new java.util.LinkedHashSet<>();
    for (String pattern : rootPackage.workspaces()) {
      for (Path dir : glob.expand(pattern)) {
        if (!dir.equals(root) && Files.isRegularFile(dir.resolve("package.json"))) {
          dirs.add(dir);
        }
      }
    }
    return List.copyOf(dirs);
  }

  /** The package name; a nameless package.json is known by its directory, as npm does. */
  private static String label(Path root, NpmPackage p) {
    if (p.name() != null && !p.name().isEmpty()) {
      return p.name();
    }
    Path dir = p.file().getParent();
    return dir.equals(root) ? String.valueOf(root.getFileName()) : root.relativize(dir).toString();
  }
}
