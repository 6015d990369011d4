package dev.dxexporter.collect.deps.cargo;

import dev.dxexporter.collect.deps.manifest.LockSource;
import dev.dxexporter.collect.deps.manifest.LockSummary;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.TomlDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A Cargo.lock in any of the formats Cargo has written: v1 (no {@code version}, checksums in {@code
 * [metadata]}), v2 (no {@code version}, checksums inline), v3 and v4 ({@code version = 3|4}). All
 * four list one {@code [[package]]} per locked package with {@code name}, {@code version} and,
 * unless it is a workspace member or path dependency, {@code source}.
 */
record CargoLockfile(Path file, int formatVersion, List<LockedPackage> packages) {
  CargoLockfile {
    packages = List.copyOf(packages);
  }

  /** One {@code [[package]]} entry. */
  record LockedPackage(String name, String version, LockSource source) {}

  /**
   * Lockfiles are read by {@link CargoLockScanner} in a stream; what it does not understand (hand
   * edits in a syntax cargo never writes) goes to the full TOML parser, which holds the whole file.
   */
  static CargoLockfile read(Path file, TomlDocuments documents) throws InputException {
    try (java.io.InputStream in = documents.files().open(file)) {
      return CargoLockScanner.scan(file, in);
    } catch (CargoLockScanner.Unsupported e) {
      return readWholly(file, documents);
    } catch (java.io.IOException e) {
      throw new InputException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static CargoLockfile readWholly(Path file, TomlDocuments documents)
      throws InputException {
    TomlParseResult toml = documents.parse(file);
    int formatVersion;
    Object version = toml.get(List.of("version"));
    if (version == null) {
      formatVersion = toml.contains(List.of("metadata")) ? 1 : 2;
    } else if (version instanceof Long v && v >= 1 && v <= 100) {
      formatVersion = v.intValue();
    } else {
      throw error(file, toml, List.of("version"), "lockfile `version` must be a small integer");
    }
    Object array = toml.get(List.of("package"));
    List<LockedPackage> packages = new ArrayList<>();
    if (array != null) {
      if (!(array instanceof TomlArray entries)) {
        throw error(file, toml, List.of("package"), "`package` must be an array of tables");
      }
      for (int i = 0; i < entries.size(); i++) {
        if (!(entries.get(i) instanceof TomlTable entry)) {
          throw error(
              file, toml, List.of("package"), "[[package]] #" + (i + 1) + " is not a table");
        }
        packages.add(lockedPackage(file, entry, i));
      }
    }
    return new CargoLockfile(file, formatVersion, packages);
  }

  private static LockedPackage lockedPackage(Path file, TomlTable entry, int index)
      throws InputException {
    Object name = entry.get(List.of("name"));
    Object version = entry.get(List.of("version"));
    Object source = entry.get(List.of("source"));
    if (!(name instanceof String) || !(version instanceof String)) {
      throw error(
          file,
          entry,
          List.of("name"),
          "[[package]] #" + (index + 1) + " needs string `name` and `version`");
    }
    if (source != null && !(source instanceof String)) {
      throw error(file, entry, List.of("source"), "`source` of " + name + " must be a string");
    }
    int line = 0;
    try {
      TomlPosition at = entry.inputPositionOf(List.of("name"));
      line = at == null ? 0 : at.line();
    } catch (RuntimeException ignored) {
      // no position: the file only
    }
    LockSource kind = sourceKind(file, line, (String) name, (String) source);
    return new LockedPackage((String) name, (String) version, kind);
  }

  /** Where a locked package comes from, by its {@code source}: absent for a path or member. */
  static LockSource sourceKind(Path file, int line, String name, String source)
      throws InputException {
    if (source == null) {
      return LockSource.PATH;
    } else if (source.startsWith("registry+") || source.startsWith("sparse+")) {
      return LockSource.REGISTRY;
    } else if (source.startsWith("git+")) {
      return LockSource.GIT;
    }
    throw new InputException(
        file, line, line > 0 ? 1 : 0, "unknown source kind `" + source + "` of package " + name);
  }

  LockSummary summary() {
    Map<LockSource, Integer> bySource = new EnumMap<>(LockSource.class);
    Map<String, Set<String>> versions = new HashMap<>();
    for (LockedPackage p : packages) {
      bySource.merge(p.source(), 1, Integer::sum);
      versions.computeIfAbsent(p.name(), n -> new HashSet<>()).add(p.version());
    }
    int duplicated = (int) versions.values().stream().filter(v -> v.size() > 1).count();
    return new LockSummary(file, bySource, duplicated);
  }

  private static InputException error(
      Path file, TomlTable table, List<String> key, String problem) {
    TomlPosition at = null;
    try {
      at = table.inputPositionOf(key);
    } catch (RuntimeException ignored) {
      // no position: name the file only
    }
    return new InputException(
        file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), problem);
  }
}
