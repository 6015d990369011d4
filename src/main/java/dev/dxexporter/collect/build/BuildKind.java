package dev.dxexporter.collect.build;

import java.util.Locale;

/**
 * Which build a recorded command is: the {@code kind} label of {@code dx_build_duration_seconds}.
 */
public enum BuildKind {
  /** From an empty build directory (after {@code cargo clean}, in a fresh CI checkout). */
  CLEAN,
  /** After a small change, with the build directory of the previous build in place. */
  INCREMENTAL;

  /** The label value: {@code clean} or {@code incremental}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named by its label ({@code --kind clean|incremental}). */
  public static BuildKind parse(String label) {
    for (BuildKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "build kind must be clean or incremental, not `" + label + "`");
  }
}
