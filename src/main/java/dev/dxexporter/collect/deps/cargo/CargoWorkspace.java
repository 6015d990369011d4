package dev.dxexporter.collect.deps.cargo;

import dev.dxexporter.collect.deps.manifest.WorkspaceGlob;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.TomlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The packages of a Cargo workspace, found the way Cargo finds them: the root package (if the root
 * manifest has {@code [package]}), every directory matched by {@code [workspace] members} that is
 * not under an {@code exclude} entry (a literal member wins over an exclude), and, recursively,
 * every path dependency of a member that lies inside the root and is not excluded. Any other
 * Cargo.toml in the tree (examples, templates, nested workspaces) is not a member.
 */
final class CargoWorkspace {
  static final String MANIFEST = "Cargo.toml";

  private final Path root;
  private final List<Member> members;

  /** One workspace member with its dependency entries (inheritance resolved). */
  record Member(String packageName, Path manifest, List<CargoDependency> dependencies) {
    Member {
      dependencies = List.copyOf(dependencies);
    }
  }

  private CargoWorkspace(Path root, List<Member> members) {
    this.root = root;
    this.members = List.copyOf(members);
  }

  Path root() {
    return root;
  }

  List<Member> members() {
    return members;
  }

  /** The directories of all members, to tell path dependencies on members from external ones. */
  Set<Path> memberDirectories() {
    Set<Path> dirs = new LinkedHashSet<>();
    members.forEach(m -> dirs.add(m.manifest().getParent()));
    return dirs;
  }

  static CargoWorkspace load(Path projectRoot, TomlDocuments documents)
      throws InputException, InterruptedException {
    Path root = projectRoot.toAbsolutePath().normalize();
    Path rootFile = root.resolve(MANIFEST);
    CargoManifest rootManifest = CargoManifest.read(rootFile, documents);
    if (!rootManifest.isWorkspaceRoot()) {
      String name =
          rootManifest
              .packageName()
              .orElseThrow(() -> new InputException(rootFile, "neither [package] nor [workspace]"));
      return new CargoWorkspace(
          root,
          List.of(
              new Member(
                  name,
                  rootFile,
                  rootManifest.dependencies(new CargoManifest.WorkspaceDependencies(Map.of())))));
    }
    CargoManifest.WorkspaceDependencies inherited = rootManifest.workspaceDependencies();
    List<String> memberPatterns = rootManifest.workspaceMembers();
    List<Path> excludes = new ArrayList<>();
    for (String exclude : rootManifest.workspaceExcludes()) {
      excludes.add(root.resolve(exclude).normalize());
    }
    List<Path> literalMembers = new ArrayList<>();
    for (String pattern : memberPatterns) {
      literalMembers.add(root.resolve(pattern).normalize());
    }
    Exclusion exclusion = new Exclusion(excludes, literalMembers);

    Deque<Path> pending = new ArrayDeque<>();
    Map<Path, String> listedBy = new HashMap<>();
    if (rootManifest.packageName().isPresent()) {
      pending.add(root);
    }
    WorkspaceGlob glob = new WorkspaceGlob(root, rootFile);
    for (String pattern : memberPatterns) {
      for (Path dir : glob.expand(pattern)) {
        if (!exclusion.excludes(dir)) {
          pending.add(dir);
          listedBy.putIfAbsent(dir, "listed in [workspace] members of " + rootFile);
        }
      }
    }

    Set<Path> seen = new LinkedHashSet<>();
    List<Member> members = new ArrayList<>();
    Map<String, Path> byName = new HashMap<>();
    while (!pending.isEmpty()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted while reading the Cargo workspace " + root);
      }
      Path dir = pending.poll();
      if (!seen.add(dir)) {
        continue;
      }
      Path file = dir.resolve(MANIFEST);
      if (!Files.isRegularFile(file)) {
        throw new InputException(
            file,
            "workspace member has no Cargo.toml (" + listedBy.getOrDefault(dir, "member") + ")");
      }
      CargoManifest manifest =
          dir.equals(root) ? rootManifest : CargoManifest.read(file, documents);
      String name =
          manifest
              .packageName()
              .orElseThrow(
                  () ->
                      new InputException(
                          file,
                          "workspace member has no [package] ("
                              + listedBy.getOrDefault(dir, "member")
                              + ")"));
      Path other = byName.putIfAbsent(name, file);
      if (other != null) {
        throw new InputException(
            file, "two workspace members are named `" + name + "`: this one and " + other);
      }
      List<CargoDependency> dependencies = manifest.dependencies(inherited);
      members.add(new Member(name, file, dependencies));
      for (CargoDependency dependency : dependencies) {
        Optional<Path> path = dependency.path();
        // Cargo makes every path dependency inside the workspace directory a member too.
        if (path.isPresent() && path.get().startsWith(root) && !exclusion.excludes(path.get())) {
          pending.add(path.get());
          listedBy.putIfAbsent(path.get(), "path dependency `" + dependency.key() + "` of " + file);
        }
      }
    }
    members.sort(java.util.Comparator.comparing(Member::packageName));
    return new CargoWorkspace(root, members);
  }

  /** Cargo's rule: under an exclude entry, unless also under a literal members entry. */
  private record Exclusion(List<Path> excludes, List<Path> literalMembers) {
    boolean excludes(Path dir) {
      return excludes.stream().anyMatch(dir::startsWith)
          && literalMembers.stream().noneMatch(dir::startsWith);
    }
  }
}
