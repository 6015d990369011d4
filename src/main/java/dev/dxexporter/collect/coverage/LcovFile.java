package dev.dxexporter.collect.coverage;

/**
 * Everything one LCOV report says about one source file, merged over all its sections. {@code
 * geninfo(1)} allows the same {@code SF} in several sections (one per test name, or tracefiles
 * simply concatenated, which the man page names as a way to merge); {@code lcov --add-tracefile}
 * then adds the counts line by line, so a line (branch, function) is counted once and is covered
 * when any section executed it. That needs the detail records: {@link LineMarks} for {@code DA},
 * {@link PackedLongs} for {@code BRDA} and functions.
 *
 * <p>A section without detail records (cargo-llvm-cov writes only {@code LF}/{@code LH}, {@code
 * BRF}/{@code BRH}, {@code FNF}/{@code FNH}) gives its summary numbers instead. Summaries of two
 * sections of one file cannot be merged exactly (which lines overlap is unknown), so the larger of
 * each is taken: a lower bound of the merged coverage, said in a warning.
 */
final class LcovFile {
  /**
   * The heap a new source file costs before its lines are marked: this object, its LineMarks, three
   * summaries, two PackedLongs of 16 entries, the map entry and the path's String header. Charging
   * only the 96 bytes of the first three let a report of many tiny files (20 lines each) exhaust a
   * 384 MiB heap under the 256 MiB budget (bench/parse-heap-reports.sh, lcov-small).
   */
  static final long FIXED_BYTES = 608;

  /** BRDA entries: line (31 bits) and branch id hash (31 bits) as key, taken as the low bit. */
  static final int VALUE_BITS = 1;

  final LineMarks lines = new LineMarks();
  boolean hasLineDetail;
  PackedLongs branches;
  PackedLongs functions;
  final Summary lineSummary = new Summary();
  final Summary branchSummary = new Summary();
  final Summary functionSummary = new Summary();

  /** Max-merged summary numbers of the sections that had no detail of one kind. */
  static final class Summary {
    long found;
    long hit;
    int sections;

    void add(long f, long h) {
      found = Math.max(found, f);
      hit = Math.max(hit, h);
      sections++;
    }
  }

  PackedLongs branches() {
    if (branches == null) {
      branches = new PackedLongs(VALUE_BITS, (a, b) -> a | b);
    }
    return branches;
  }

  PackedLongs functions() {
    if (functions == null) {
      functions = new PackedLongs(VALUE_BITS, (a, b) -> a | b);
    }
    return functions;
  }

  CoverageCount lineCount() {
    return combine(hasLineDetail ? lines.hit() : 0, hasLineDetail ? lines.found() : 0, lineSummary);
  }

  CoverageCount branchCount() {
    return combine(branches == null ? null : branches.distinct(), branchSummary);
  }

  CoverageCount functionCount() {
    return combine(functions == null ? null : functions.distinct(), functionSummary);
  }

  /** Whether any section carried function data, detail or summary. */
  boolean hasFunctions() {
    return functions != null || functionSummary.sections > 0;
  }

  private static CoverageCount combine(long[] entries, Summary summary) {
    long hit = 0;
    if (entries != null) {
      for (long e : entries) {
        hit += e & 1;
      }
    }
    return combine(hit, entries == null ? 0 : entries.length, summary);
  }

  private static CoverageCount combine(long hit, long found, Summary summary) {
    return new CoverageCount(Math.max(hit, summary.hit), Math.max(found, summary.found));
  }
}
