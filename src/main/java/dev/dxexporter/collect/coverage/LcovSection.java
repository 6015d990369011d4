package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code SF:} .. {@code end_of_record} section of an LCOV tracefile, as {@code geninfo(1)}
 * ("TRACEFILE FORMAT", LCOV 2.x) defines its records. Detail records go straight into the file's
 * merged {@link LcovFile}; the summary records ({@code LF}/{@code LH}, {@code BRF}/{@code BRH},
 * {@code FNF}/{@code FNH}) are kept to check against the detail, or to stand in for it.
 */
final class LcovSection {
  private static final String[] KINDS = {"LF/LH", "BRF/BRH", "FNF/FNH"};
  private static final String[] DETAIL = {"DA", "BRDA", "FN, FNDA, FNL or FNA"};

  private final LcovFile file;
  private final Path report;
  private final String path;
  private final DetailBudget budget;
  private final Warnings warnings;

  /** Per kind (lines, branches, functions): found and hit by the detail records. */
  private final long[] detailFound = new long[3];

  private final long[] detailHit = new long[3];
  private final boolean[] hasDetail = new boolean[3];

  /** Per kind: the summary's found and hit, -1 when absent. */
  private final long[] summaryFound = {-1, -1, -1};

  private final long[] summaryHit = {-1, -1, -1};

  /** lcov 2.2 function leaders by index: start line, end line, identity, hit. */
  private final Map<Long, long[]> leaders = new HashMap<>();

  /** Legacy functions by name hash: the keys FN declared, and how many FNDA were matched. */
  private final Map<Long, List<Long>> declared = new HashMap<>();

  private final Map<Long, Integer> countsSeen = new HashMap<>();

  LcovSection(LcovFile file, Path report, String path, DetailBudget budget, Warnings warnings) {
    this.file = file;
    this.report = report;
    this.path = path;
    this.budget = budget;
    this.warnings = warnings;
  }

  /** {@code DA:<line>,<execution count>[,<checksum>]}. */
  void lineData(LcovLines l, int from) throws InputException {
    int comma = l.indexOf((byte) ',', from, l.end);
    if (comma < 0) {
      throw l.error("DA needs <line>,<execution count>");
    }
    int countEnd = l.indexOf((byte) ',', comma + 1, l.end);
    int line = l.lineNumber(from, comma, "DA line number");
    int count = executed(l, comma + 1, countEnd < 0 ? l.end : countEnd, "DA execution count");
    file.lines.mark(line, count > 0, budget, l.number);
    file.hasLineDetail = true;
    detail(0, count > 0);
  }

  /**
   * {@code BRDA:<line>,[<e|f>][U]<block>,<branch>,<taken>}: the branch id may itself hold commas
   * (lcov 2 writes expressions), so it runs from the second comma to the last. {@code taken} is
   * {@code -} when the expression was never evaluated: the branch counts, not taken. A {@code U}
   * (unreachable) branch is excluded, as {@code BRF}/{@code BRH} exclude it.
   */
  void branchData(LcovLines l, int from) throws InputException {
    int c1 = l.indexOf((byte) ',', from, l.end);
    int c2 = c1 < 0 ? -1 : l.indexOf((byte) ',', c1 + 1, l.end);
    int last = l.lastIndexOf((byte) ',', from, l.end);
    if (c2 < 0 || last <= c2) {
      throw l.error("BRDA needs <line>,<block>,<branch>,<taken>");
    }
    int line = l.lineNumber(from, c1, "BRDA line number");
    if (c1 + 1 >= c2) {
      throw l.error("BRDA block is empty");
    }
    int taken = l.is(last + 1, l.end, "-") ? 0 : executed(l, last + 1, l.end, "BRDA taken count");
    if (unreachable(l, c1 + 1, c2)) {
      return;
    }
    long id = l.hash(c1 + 1, last) & 0x7FFFFFFFL;
    file.branches().add(((long) line << 32) | id << 1 | (taken > 0 ? 1 : 0), budget, l.number);
    detail(1, taken > 0);
  }

  private static boolean unreachable(LcovLines l, int from, int to) {
    int i = from;
    if (i < to && (l.buf[i] == 'e' || l.buf[i] == 'f')) {
      i++;
    }
    if (i >= to || l.buf[i] != 'U' || i + 1 >= to) {
      return false;
    }
    for (int j = i + 1; j < to; j++) {
      if (l.buf[j] < '0' || l.buf[j] > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code FN:<start line>,[<end line>,]<name>}: declares a function. A function is its start line
   * and name: Node's test runner lists two functions of one name on different lines, and counts
   * both in {@code FNF}.
   */
  void functionName(LcovLines l, int from) throws InputException {
    int c1 = l.indexOf((byte) ',', from, l.end);
    if (c1 < 0 || c1 + 1 >= l.end) {
      throw l.error("FN needs <line>,<name>");
    }
    int line = l.lineNumber(from, c1, "FN line number");
    int nameStart = c1 + 1;
    int c2 = l.indexOf((byte) ',', nameStart, l.end);
    if (c2 > nameStart && c2 + 1 < l.end && allDigits(l, nameStart, c2)) {
      nameStart = c2 + 1; // the optional end line
    }
    long name = l.hash(nameStart, l.end);
    long key = functionKey(line, name);
    declared.computeIfAbsent(name, n -> new ArrayList<>()).add(key);
    function(l, key, false);
  }

  /**
   * {@code FNDA:<execution count>,<name>}: the count of the function {@code FN} declared under that
   * name; of several with one name, the n-th {@code FNDA} goes to the n-th {@code FN}.
   */
  void functionData(LcovLines l, int from) throws InputException {
    int c1 = l.indexOf((byte) ',', from, l.end);
    if (c1 < 0 || c1 + 1 >= l.end) {
      throw l.error("FNDA needs <execution count>,<name>");
    }
    int count = executed(l, from, c1, "FNDA execution count");
    long name = l.hash(c1 + 1, l.end);
    List<Long> keys = declared.get(name);
    if (keys == null) {
      warnings.add("fnda", l.number, "FNDA for a function that no FN declared: counted as one");
      function(l, functionKey(0, name), count > 0);
      return;
    }
    int nth = countsSeen.merge(name, 1, Integer::sum) - 1;
    function(l, keys.get(Math.min(nth, keys.size() - 1)), count > 0);
  }

  private static long functionKey(long line, long nameHash) {
    return nameHash ^ line * 0x9E3779B97F4A7C15L;
  }

  /** {@code FNL:<index>,<start line>[,<end line>]} (lcov 2.2): a function leader. */
  void functionLeader(LcovLines l, int from) throws InputException {
    int c1 = l.indexOf((byte) ',', from, l.end);
    if (c1 < 0) {
      throw l.error("FNL needs <index>,<line>[,<end line>]");
    }
    long index = l.count(from, c1, "FNL index");
    int c2 = l.indexOf((byte) ',', c1 + 1, l.end);
    long start = l.lineNumber(c1 + 1, c2 < 0 ? l.end : c2, "FNL line number");
    long endLine = c2 < 0 ? 0 : l.lineNumber(c2 + 1, l.end, "FNL end line");
    leaders.put(index, new long[] {start, endLine, 0, 0});
  }

  /**
   * {@code FNA:<index>,<execution count>,<name>} (lcov 2.2): an alias of a leader. {@code FNF}
   * counts leaders ("function groups"), hit when any alias ran, so aliases fold into their leader.
   */
  void functionAlias(LcovLines l, int from) throws InputException {
    int c1 = l.indexOf((byte) ',', from, l.end);
    int c2 = c1 < 0 ? -1 : l.indexOf((byte) ',', c1 + 1, l.end);
    if (c2 < 0 || c2 + 1 >= l.end) {
      throw l.error("FNA needs <index>,<execution count>,<name>");
    }
    long index = l.count(from, c1, "FNA index");
    int count = executed(l, c1 + 1, c2, "FNA execution count");
    long[] leader = leaders.get(index);
    if (leader == null) {
      warnings.add("fna", l.number, "FNA names index " + index + " that no FNL declared");
      function(l, l.hash(c2 + 1, l.end), count > 0);
      return;
    }
    if (leader[2] == 0) { // the group's identity, as for FN: its start line and first alias
      leader[2] = functionKey(leader[0], l.hash(c2 + 1, l.end));
    }
    leader[3] |= count > 0 ? 1 : 0;
  }

  private void function(LcovLines l, long key, boolean hit) throws InputException {
    file.functions().add(key << 1 | (hit ? 1 : 0), budget, l.number);
    hasDetail[2] = true;
  }

  /** {@code LF}, {@code LH}, {@code BRF}, {@code BRH}, {@code FNF}, {@code FNH}. */
  void summary(int kind, boolean hit, LcovLines l, int from, String what) throws InputException {
    long v = l.count(from, l.end, what);
    (hit ? summaryHit : summaryFound)[kind] = v;
  }

  /** Closes the section into its file; {@code at} is the line of {@code end_of_record}. */
  void finish(int at) throws InputException {
    for (long[] leader : leaders.values()) {
      long key = leader[2] != 0 ? leader[2] : functionKey(leader[0], leader[1]);
      file.functions().add(key << 1 | leader[3], budget, at);
      hasDetail[2] = true;
    }
    LcovFile.Summary[] summaries = {file.lineSummary, file.branchSummary, file.functionSummary};
    for (int k = 0; k < 3; k++) {
      long found = summaryFound[k];
      long hit = summaryHit[k];
      if (found < 0 && hit < 0) {
        continue;
      }
      if (hasDetail[k]) {
        // FNF/FNH are not cross-checked: lcov 1 counts every FN name, lcov 2.2 function groups.
        if (k < 2 && (found >= 0 && found != detailFound[k] || hit >= 0 && hit != detailHit[k])) {
          warnings.add(
              KINDS[k] + " mismatch",
              at,
              path
                  + ": "
                  + KINDS[k]
                  + " say "
                  + show(hit)
                  + "/"
                  + show(found)
                  + " but the "
                  + DETAIL[k]
                  + " records count "
                  + detailHit[k]
                  + "/"
                  + detailFound[k]
                  + "; the records are used");
        }
        continue;
      }
      if (found < 0 || hit < 0) {
        warnings.add(KINDS[k] + " half", at, path + ": only one of " + KINDS[k] + " is given");
        found = Math.max(found, 0);
        hit = Math.max(hit, 0);
      }
      if (hit > found) {
        throw new InputException(
            report,
            at,
            0,
            path + ": " + KINDS[k] + " say " + hit + " of " + found + " were hit: more than found");
      }
      summaries[k].add(found, hit);
    }
  }

  private void detail(int kind, boolean hit) {
    hasDetail[kind] = true;
    detailFound[kind]++;
    if (hit) {
      detailHit[kind]++;
    }
  }

  private int executed(LcovLines l, int from, int to, String what) throws InputException {
    int c = l.executionCount(from, to, what);
    if (c < 0) {
      warnings.add(
          "negative",
          l.number,
          what + " is negative (gcc bug 68080; lcov --ignore-errors negative): counted as 0");
      return 0;
    }
    return c;
  }

  private static boolean allDigits(LcovLines l, int from, int to) {
    for (int i = from; i < to; i++) {
      if (l.buf[i] < '0' || l.buf[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static String show(long v) {
    return v < 0 ? "?" : String.valueOf(v);
  }
}
