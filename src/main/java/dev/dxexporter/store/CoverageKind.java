package dev.dxexporter.store;

import java.util.Locale;

/** What a coverage figure counts. */
public enum CoverageKind {
  LINE,
  BRANCH;

  /** The value stored in the database and used as a label value: {@code line}, {@code branch}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static CoverageKind fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
