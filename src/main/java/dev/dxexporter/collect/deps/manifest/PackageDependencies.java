package dev.dxexporter.collect.deps.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The direct dependencies one package (workspace member, Maven module, npm workspace, Go module)
 * declares, as the distinct dependency names per kind. Every kind of the ecosystem is present,
 * empty when nothing is declared, so the exported series do not come and go.
 */
public record PackageDependencies(String packageName, Map<String, Set<String>> namesByKind) {
  public PackageDependencies {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    namesByKind.forEach(
        (kind, names) -> copy.put(kind, Collections.unmodifiableSet(new TreeSet<>(names))));
    namesByKind = Collections.unmodifiableMap(copy);
  }

  /** How many distinct names of that kind; 0 for a kind the ecosystem does not have. */
  public int count(String kind) {
    Set<String> names = namesByKind.get(kind);
    return names == null ? 0 : names.size();
  }
}
