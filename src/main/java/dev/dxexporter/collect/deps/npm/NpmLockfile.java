package dev.dxexporter.collect.deps.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.deps.manifest.LockSource;
import dev.dxexporter.collect.deps.manifest.LockSummary;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 list every installed package under {@code
 * packages}, keyed by location ({@code node_modules/a/node_modules/b}; {@code ""} is the root
 * project, other keys without node_modules are workspace or local folders). Link entries ({@code
 * "link": true}) point at a folder entry that is itself listed, so they are not counted. v1 (npm
 * 5/6) only has the nested {@code dependencies} tree: read best-effort from there.
 *
 * <p>Source: a folder package or a {@code file:} resolution is path, a {@code git+}/{@code git:}/
 * {@code github:} resolution is git, anything else (registry tarball URLs, bundled packages) is
 * registry.
 */
record NpmLockfile(Path file, int lockfileVersion, List<LockedPackage> packages) {
  NpmLockfile {
    packages = List.copyOf(packages);
  }

  /** One installed package instance. */
  record LockedPackage(String location, String name, String version, LockSource source) {}

  /**
   * A v1 lockfile has only the nested tree, which is held whole; beyond this size it would not fit
   * the exporter's heap (a JSON tree takes about 7 bytes of heap per byte of input).
   */
  static final long MAX_TREE_BYTES = 12L << 20;

  /**
   * Streams the file: each {@code packages} entry is read as a small tree and dropped, so a 31 MB
   * lockfile of 120,000 packages fits in a 128 MiB heap (as a whole tree it did not).
   */
  static NpmLockfile read(Path file, JsonDocuments json) throws InputException {
    try (JsonParser p = json.stream(file)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InputException(file, 1, 1, "lockfile is not a JSON object");
      }
      int version = 1;
      boolean sawPackages = false;
      List<LockedPackage> packages = new ArrayList<>();
      JsonNode v1 = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("lockfileVersion") && value == JsonToken.VALUE_NUMBER_INT) {
          version = p.getIntValue();
        } else if (field.equals("packages") && value == JsonToken.START_OBJECT) {
          sawPackages = true;
          readPackages(p, packages);
        } else if (field.equals("dependencies") && !(version >= 2 && sawPackages)) {
          if (java.nio.file.Files.size(file) > MAX_TREE_BYTES) {
            throw new InputException(
                file,
                p.currentLocation().getLineNr(),
                p.currentLocation().getColumnNr(),
                "a lockfile without `packages` (v1) over "
                    + MAX_TREE_BYTES
                    + " bytes is too large"
                    + " to read");
          }
          v1 = p.readValueAsTree();
        } else {
          p.skipChildren();
        }
      }
      List<LockedPackage> result = packages;
      if (!(version >= 2 && sawPackages)) {
        result = new ArrayList<>();
        readV1(v1, result);
      }
      return new NpmLockfile(file, version, result);
    } catch (JsonProcessingException e) {
      throw JsonDocuments.error(file, e);
    } catch (java.io.IOException e) {
      throw new InputException(file, "cannot read: " + e, e);
    }
  }

  private static void readPackages(JsonParser p, List<LockedPackage> into)
      throws java.io.IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String location = p.currentName();
      p.nextToken();
      JsonNode entry = p.readValueAsTree();
      if (location.isEmpty() || !entry.isObject() || entry.path("link").asBoolean(false)) {
        continue;
      }
      into.add(
          new LockedPackage(
              location,
              nameOf(location, entry),
              text(entry, "version"),
              sourceOf(location, entry)));
    }
  }

  private static void readV1(JsonNode top, List<LockedPackage> into) {
    if (top == null) {
      return;
    }
    Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
    push(pending, "node_modules/", top);
    while (!pending.isEmpty()) {
      Map.Entry<String, JsonNode> next = pending.pop();
      String location = next.getKey();
      JsonNode d = next.getValue();
      String name =
          location.substring(location.lastIndexOf("node_modules/") + "node_modules/".length());
      String version = text(d, "version");
      LockSource source = LockSource.REGISTRY;
      if (version != null && version.startsWith("file:")) {
        source = LockSource.PATH;
      } else if (version != null && isGit(version)) {
        source = LockSource.GIT;
      }
      into.add(new LockedPackage(location, name, version, source));
      push(pending, location + "/node_modules/", d.get("dependencies"));
    }
  }

  private static void push(
      Deque<Map.Entry<String, JsonNode>> pending, String prefix, JsonNode deps) {
    if (deps == null || !deps.isObject()) {
      return;
    }
    deps.properties()
        .forEach(
            e -> {
              if (e.getValue().isObject()) {
                pending.push(Map.entry(prefix + e.getKey(), e.getValue()));
              }
            });
  }

  private static String nameOf(String location, JsonNode p) {
    String name = text(p, "name"); // set for aliases (npm:) and folder packages
    if (name != null) {
      return name;
    }
    int at = location.lastIndexOf("node_modules/");
    return at >= 0 ? location.substring(at + "node_modules/".length()) : location;
  }

  private static LockSource sourceOf(String location, JsonNode p) {
    if (!location.contains("node_modules/")) {
      return LockSource.PATH; // a workspace or other folder inside the project
    }
    String resolved = text(p, "resolved");
    if (resolved == null) {
      return LockSource.REGISTRY; // bundled, or installed by version from the registry
    }
    if (resolved.startsWith("file:")) {
      return LockSource.PATH;
    }
    return isGit(resolved) ? LockSource.GIT : LockSource.REGISTRY;
  }

  private static boolean isGit(String spec) {
    return spec.startsWith("git+")
        || spec.startsWith("git:")
        || spec.startsWith("github:")
        || spec.startsWith("gitlab:")
        || spec.startsWith("bitbucket:");
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  LockSummary summary() {
    Map<LockSource, Integer> bySource = new EnumMap<>(LockSource.class);
    Map<String, Set<String>> versions = new HashMap<>();
    for (LockedPackage p : packages) {
      bySource.merge(p.source(), 1, Integer::sum);
      if (p.version() != null) {
        versions.computeIfAbsent(p.name(), n -> new HashSet<>()).add(p.version());
      }
    }
    int duplicated = (int) versions.values().stream().filter(v -> v.size() > 1).count();
    return new LockSummary(file, bySource, duplicated);
  }
}
