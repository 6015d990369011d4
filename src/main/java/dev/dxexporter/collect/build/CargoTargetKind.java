package dev.dxexporter.collect.build;

/** The kind of cargo target a compilation unit builds, as read from the report's description. */
public enum CargoTargetKind {
  LIB,
  BIN,
  TEST,
  BENCH,
  EXAMPLE,
  /** {@code build.rs}: compiling it, or running it (mode {@code run-custom-build}). */
  BUILD_SCRIPT,
  /** A description this reader does not recognise (a newer cargo); the raw text is kept. */
  OTHER
}
