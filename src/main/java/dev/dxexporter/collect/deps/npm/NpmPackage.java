package dev.dxexporter.collect.deps.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One package.json: its name, the declared dependencies per kind and its {@code workspaces}
 * patterns. Kinds: dependencies = normal, devDependencies = dev, optionalDependencies = optional,
 * peerDependencies = peer. A name in both dependencies and optionalDependencies is optional only,
 * as npm documents ("entries in optionalDependencies will override entries of the same name in
 * dependencies").
 */
record NpmPackage(
    Path file, String name, Map<String, Set<String>> namesByKind, List<String> workspaces) {
  static final Map<String, String> KIND_BY_FIELD = kindByField();

  private static Map<String, String> kindByField() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("dependencies", "normal");
    m.put("devDependencies", "dev");
    m.put("optionalDependencies", "optional");
    m.put("peerDependencies", "peer");
    return m;
  }

  /**
   * package.json is written by hand and is a few KB; it is read as a tree (about 7 bytes of heap
   * per byte), so the cap keeps a hostile one from taking the heap.
   */
  static final long MAX_BYTES = 4L << 20;

  static NpmPackage read(Path file, JsonDocuments json) throws InputException {
    try {
      if (java.nio.file.Files.size(file) > MAX_BYTES) {
        throw new InputException(file, "larger than " + MAX_BYTES + " bytes: not a package.json");
      }
    } catch (java.io.IOException e) {
      // json.parse names the problem (missing, unreadable)
    }
    JsonNode root = json.parse(file);
    if (!root.isObject()) {
      throw new InputException(file, 1, 1, "package.json is not a JSON object");
    }
    JsonNode nameNode = root.get("name");
    String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : null;
    Map<String, Set<String>> byKind = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : KIND_BY_FIELD.entrySet()) {
      Set<String> names = new TreeSet<>();
      JsonNode deps = root.get(field.getKey());
      if (deps != null && !deps.isNull()) {
        if (!deps.isObject()) {
          throw new InputException(
              file, "`" + field.getKey() + "` must be an object of name: version");
        }
        deps.fieldNames().forEachRemaining(names::add);
      }
      byKind.put(field.getValue(), names);
    }
    byKind.get("normal").removeAll(byKind.get("optional"));
    return new NpmPackage(file, name, byKind, workspaces(file, root.get("workspaces")));
  }

  /** {@code "workspaces": ["packages/*"]} or the Yarn form {@code {"packages": [...]}}. */
  private static List<String> workspaces(Path file, JsonNode node) throws InputException {
    if (node == null || node.isNull()) {
      return List.of();
    }
    JsonNode patterns = node.isObject() ? node.get("packages") : node;
    if (patterns == null) {
      return List.of();
    }
    if (!patterns.isArray()) {
      throw new InputException(file, "`workspaces` must be an array of patterns");
    }
    List<String> result = new ArrayList<>();
    for (JsonNode p : patterns) {
      if (!p.isTextual()) {
        throw new InputException(file, "`workspaces` must be an array of strings");
      }
      result.add(p.asText());
    }
    return result;
  }
}
