package dev.dxexporter.collect.coverage;

import java.util.List;
import java.util.Optional;

/**
 * What one coverage report says, whatever its format.
 *
 * @param format the format it was read as
 * @param lines lines (LCOV {@code DA}, Cobertura {@code <line>}, JaCoCo {@code LINE})
 * @param branches branches (LCOV {@code BRDA}, Cobertura {@code condition-coverage}, JaCoCo {@code
 *     BRANCH}); 0/0 when the report has none
 * @param functions functions where the format records them (LCOV {@code FN}/{@code FNL}/{@code
 *     FNF}, JaCoCo {@code METHOD}); empty for Cobertura, and for an LCOV file without function
 *     records
 * @param files distinct source files the report covers (LCOV {@code SF} paths, Cobertura class
 *     {@code filename}s, JaCoCo {@code <sourcefile>} elements)
 * @param warnings recoverable oddities the reader worked around, each naming the file (and line
 *     where known), for the caller to log; at most 20 plus one line counting the rest
 */
public record CoverageReport(
    CoverageFormat format,
    CoverageCount lines,
    CoverageCount branches,
    Optional<CoverageCount> functions,
    long files,
    List<String> warnings) {
  public CoverageReport {
    warnings = List.copyOf(warnings);
    if (files < 0) {
      throw new IllegalArgumentException("files must not be negative: " + files);
    }
  }
}
