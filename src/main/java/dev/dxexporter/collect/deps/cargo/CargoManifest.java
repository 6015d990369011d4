package dev.dxexporter.collect.deps.cargo;

import dev.dxexporter.collect.deps.manifest.LockSource;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.TomlDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * One Cargo.toml: the package name, the {@code [workspace]} section if any, and the dependency
 * entries of all kinds, including {@code [target.'cfg(..)'.*dependencies]} tables.
 *
 * <p>Entries marked {@code workspace = true} are resolved against the {@code
 * [workspace.dependencies]} passed in, which is how Cargo inherits them: the package name and
 * source come from the workspace entry, paths relative to the workspace root.
 */
final class CargoManifest {
  private final Path file;
  private final TomlTable toml;

  private CargoManifest(Path file, TomlTable toml) {
    this.file = file;
    this.toml = toml;
  }

  static CargoManifest read(Path file, TomlDocuments documents) throws InputException {
    return new CargoManifest(file.toAbsolutePath().normalize(), documents.parse(file));
  }

  Path file() {
    return file;
  }

  Path directory() {
    return file.getParent();
  }

  Optional<String> packageName() throws InputException {
    if (!toml.isTable(List.of("package"))) {
      return Optional.empty();
    }
    Object name = toml.get(List.of("package", "name"));
    if (!(name instanceof String)) {
      throw error(List.of("package", "name"), "[package] has no string `name`");
    }
    return Optional.of((String) name);
  }

  boolean isWorkspaceRoot() {
    return toml.isTable(List.of("workspace"));
  }

  List<String> workspaceMembers() throws InputException {
    return stringArray(List.of("workspace", "members"));
  }

  List<String> workspaceExcludes() throws InputException {
    return stringArray(List.of("workspace", "exclude"));
  }

  /** {@code [workspace.dependencies]}, resolved relative to this (root) manifest, by key. */
  WorkspaceDependencies workspaceDependencies() throws InputException {
    TomlTable table = tableAt(List.of("workspace", "dependencies"));
    WorkspaceDependencies result = new WorkspaceDependencies(Map.of());
    if (table == null) {
      return result;
    }
    Map<String, CargoDependency> byKey = new java.util.TreeMap<>();
    for (Map.Entry<String, Object> entry : table.entrySet()) {
      List<String> at = List.of("workspace", "dependencies", entry.getKey());
      if (entry.getValue() instanceof TomlTable spec
          && Boolean.TRUE.equals(spec.get(List.of("workspace")))) {
        throw error(
            at, "a [workspace.dependencies] entry cannot itself inherit from the workspace");
      }
      byKey.put(
          entry.getKey(),
          concrete(
              entry.getKey(), entry.getValue(), CargoDependencyKind.NORMAL, Optional.empty(), at));
    }
    return new WorkspaceDependencies(byKey);
  }

  /** All dependency entries, with inheritance resolved; one entry per table occurrence. */
  List<CargoDependency> dependencies(WorkspaceDependencies workspace) throws InputException {
    List<CargoDependency> result = new ArrayList<>();
    for (CargoDependencyKind kind : CargoDependencyKind.values()) {
      collect(List.of(), kind, Optional.empty(), workspace, result);
    }
    TomlTable targets = tableAt(List.of("target"));
    if (targets != null) {
      for (String target : targets.keySet()) {
        if (!(targets.get(List.of(target)) instanceof TomlTable)) {
          throw error(List.of("target", target), "[target." + target + "] is not a table");
        }
        for (CargoDependencyKind kind : CargoDependencyKind.values()) {
          collect(List.of("target", target), kind, Optional.of(target), workspace, result);
        }
      }
    }
    return result;
  }

  private void collect(
      List<String> prefix,
      CargoDependencyKind kind,
      Optional<String> target,
      WorkspaceDependencies workspace,
      List<CargoDependency> into)
      throws InputException {
    // Cargo reads the underscore alias only when the dashed table is absent.
    for (String tableName : kind.tableNames()) {
      List<String> tablePath = append(prefix, tableName);
      TomlTable table = tableAt(tablePath);
      if (table != null) {
        for (Map.Entry<String, Object> entry : table.entrySet()) {
          List<String> at = append(tablePath, entry.getKey());
          into.add(entry(entry.getKey(), entry.getValue(), kind, target, workspace, at));
        }
        return;
      }
    }
  }

  private CargoDependency entry(
      String key,
      Object value,
      CargoDependencyKind kind,
      Optional<String> target,
      WorkspaceDependencies workspace,
      List<String> at)
      throws InputException {
    if (value instanceof TomlTable spec && spec.contains(List.of("workspace"))) {
      if (!Boolean.TRUE.equals(spec.get(List.of("workspace")))) {
        throw error(at, "`workspace` must be `true` for dependency `" + key + "`");
      }
      CargoDependency inherited = workspace.byKey().get(key);
      if (inherited == null) {
        throw error(
            at,
            "dependency `"
                + key
                + "` inherits from the workspace, but [workspace.dependencies] has no `"
                + key
                + "`");
      }
      return new CargoDependency(
          key, inherited.packageName(), kind, target, inherited.source(), inherited.path());
    }
    return concrete(key, value, kind, target, at);
  }

  private CargoDependency concrete(
      String key, Object value, CargoDependencyKind kind, Optional<String> target, List<String> at)
      throws InputException {
    if (value instanceof String) {
      return new CargoDependency(key, key, kind, target, LockSource.REGISTRY, Optional.empty());
    }
    if (!(value instanceof TomlTable spec)) {
      throw error(at, "dependency `" + key + "` must be a version string or a table");
    }
    Object packageValue = spec.get(List.of("package"));
    if (packageValue != null && !(packageValue instanceof String)) {
      throw error(append(at, "package"), "`package` of dependency `" + key + "` must be a string");
    }
    String packageName = packageValue == null ? key : (String) packageValue;
    Object path = spec.get(List.of("path"));
    if (path != null) {
      if (!(path instanceof String)) {
        throw error(append(at, "path"), "`path` of dependency `" + key + "` must be a string");
      }
      Path dir = directory().resolve((String) path).normalize();
      return new CargoDependency(key, packageName, kind, target, LockSource.PATH, Optional.of(dir));
    }
    LockSource source = spec.contains(List.of("git")) ? LockSource.GIT : LockSource.REGISTRY;
    return new CargoDependency(key, packageName, kind, target, source, Optional.empty());
  }

  private TomlTable tableAt(List<String> path) throws InputException {
    Object value = toml.get(path);
    if (value == null) {
      return null;
    }
    if (!(value instanceof TomlTable table)) {
      throw error(path, "[" + String.join(".", path) + "] is not a table");
    }
    return table;
  }

  private List<String> stringArray(List<String> path) throws InputException {
    Object value = toml.get(path);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof TomlArray array)) {
      throw error(path, String.join(".", path) + " must be an array of strings");
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof String s)) {
        throw error(path, String.join(".", path) + " must be an array of strings");
      }
      result.add(s);
    }
    return result;
  }

  InputException error(List<String> keyPath, String problem) {
    TomlPosition at = null;
    try {
      at = toml.inputPositionOf(keyPath);
    } catch (RuntimeException ignored) {
      // Position is a nicety: fall back to the file alone.
    }
    return new InputException(
        file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), problem);
  }

  private static List<String> append(List<String> path, String key) {
    List<String> result = new ArrayList<>(path);
    result.add(key);
    return result;
  }

  /** The {@code [workspace.dependencies]} of a workspace root, by key. */
  record WorkspaceDependencies(Map<String, CargoDependency> byKey) {
    WorkspaceDependencies {
      byKey = Map.copyOf(byKey);
    }
  }
}
