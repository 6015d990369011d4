package dev.dxexporter.store;

/** What a save did: stored a new report, or found one with the same identity and stored nothing. */
public enum SaveOutcome {
  STORED,
  DUPLICATE
}
