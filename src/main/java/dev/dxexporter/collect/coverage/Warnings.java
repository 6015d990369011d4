package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects a report's warnings, located like {@link InputException} messages, capped so that a file
 * with a million odd lines yields a short list and bounded memory. A warning of the same kind is
 * kept once; later ones are only counted.
 */
final class Warnings {
  /** Warnings kept per report; the rest are counted in one closing line. */
  static final int MAX = 20;

  private final Path file;
  private final List<String> kept = new ArrayList<>();
  private final Set<String> kinds = new HashSet<>();
  private long dropped;

  Warnings(Path file) {
    this.file = file;
  }

  /** Adds a warning at {@code line} (0 = unknown); {@code kind} groups repeats of one problem. */
  void add(String kind, int line, String message) {
    // The size check comes first, so that kinds never outgrows MAX either (a hostile file can
    // name millions of distinct unknown record types).
    if (kept.size() >= MAX || !kinds.add(kind)) {
      dropped++;
      return;
    }
    kept.add((line > 0 ? file + ":" + line : String.valueOf(file)) + ": " + message);
  }

  void add(int line, String message) {
    add(message, line, message);
  }

  List<String> list() {
    if (dropped == 0) {
      return List.copyOf(kept);
    }
    List<String> all = new ArrayList<>(kept);
    all.add(file + ": " + dropped + " more warnings of the kinds above (or beyond " + MAX + ")");
    return all;
  }
}
