package dev.dxexporter.collect.deps.manifest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a lockfile pins: packages per source (every source present, 0 when none) and how many
 * package names are locked in more than one version.
 */
public record LockSummary(
    Path file, Map<LockSource, Integer> packagesBySource, int duplicatedNames) {
  public LockSummary {
    EnumMap<LockSource, Integer> copy = new EnumMap<>(LockSource.class);
    for (LockSource source : LockSource.values()) {
      copy.put(source, packagesBySource.getOrDefault(source, 0));
    }
    packagesBySource = Collections.unmodifiableMap(copy);
  }

  public int packages(LockSource source) {
    return packagesBySource.get(source);
  }
}
