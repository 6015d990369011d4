package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an LCOV tracefile as {@code geninfo(1)} ("TRACEFILE FORMAT") defines it, written by
 * lcov/geninfo, llvm-cov and cargo-llvm-cov, istanbul/c8/nyc, Node's test runner, coverage.py and
 * others. One pass, line by line over a fixed buffer: a tracefile of any size costs memory in
 * proportion to its distinct lines, branches and functions (see {@link DetailBudget}), never to its
 * bytes. The size cap is the caller's ({@code BoundedFiles.open}).
 *
 * <p>Counting follows lcov: the detail records ({@code DA}, {@code BRDA}, {@code FN}/{@code FNDA},
 * {@code FNL}/{@code FNA}) are the data, and when lcov reads a tracefile it recomputes the summary
 * lines from them; the summary lines stand in only for a section that has no detail of that kind,
 * which is what cargo-llvm-cov writes. A summary that disagrees with its records is a warning. The
 * same file in several sections is merged line by line ({@link LcovFile}).
 *
 * <p>Refused with a located {@link InputException}: a line that is not a record, a malformed number
 * or field, a data record outside {@code SF} .. {@code end_of_record}, invalid UTF-8 in a path, a
 * summary claiming more hit than found with no records to count, a last section without {@code
 * end_of_record} (the file was most likely cut off), a file without any {@code SF}, and input
 * beyond the size cap or the detail budget. Recovered with a warning: a negative execution count
 * (gcc's counter bug; counted as 0, as {@code lcov --ignore-errors negative} does), a summary that
 * disagrees with the records, a section that a new {@code SF}/{@code TN} opens without closing the
 * previous one, a stray {@code end_of_record}, an unknown record type (ignored: later lcov versions
 * add records), and summary-only sections of one file merged by max.
 */
public final class LcovReader {
  private final long maxDetailBytes;

  public LcovReader() {
    this(DetailBudget.DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxDetailBytes memory the per-line detail may take before the report is refused
   */
  public LcovReader(long maxDetailBytes) {
    this.maxDetailBytes = DetailBudget.checked(maxDetailBytes);
  }

  /** Reads {@code in} to its end; {@code name} names the input in errors and warnings. */
  public CoverageReport read(InputStream in, Path name) throws InputException {
    Parse parse = new Parse(in, name, new DetailBudget(maxDetailBytes, name));
    try {
      return parse.run();
    } catch (IOException e) {
      SizeLimitExceededException tooLarge = SizeLimitExceededException.in(e);
      if (tooLarge != null) {
        throw new InputException(name, "file is " + tooLarge.getMessage(), tooLarge);
      }
      throw new InputException(name, "cannot read: " + e, e);
    }
  }

  /** The state of one read. */
  private static final class Parse {
    private final LcovLines lines;
    private final Path name;
    private final DetailBudget budget;
    private final Warnings warnings;
    private final Map<String, LcovFile> files = new HashMap<>();
    private LcovSection section;
    private int sectionStart;

    Parse(InputStream in, Path name, DetailBudget budget) {
      this.lines = new LcovLines(in, name);
      this.name = name;
      this.budget = budget;
      this.warnings = new Warnings(name);
    }

    CoverageReport run() throws IOException, InputException {
      LcovLines l = lines;
      while (l.next()) {
        if (l.number == 1
            && l.end - l.start >= 3
            && (l.buf[l.start] & 0xff) == 0xEF
            && (l.buf[l.start + 1] & 0xff) == 0xBB
            && (l.buf[l.start + 2] & 0xff) == 0xBF) {
          l.start += 3;
        }
        int s = l.start;
        while (s < l.end && (l.buf[s] == ' ' || l.buf[s] == '\t')) {
          s++;
        }
        if (s == l.end || l.buf[s] == '#') {
          continue;
        }
        record(l, s);
      }
      if (section != null) {
        throw new InputException(
            name,
            sectionStart,
            0,
            "the record opened here has no end_of_record: the file looks truncated");
      }
      if (files.isEmpty()) {
        throw new InputException(name, "no SF record: not an LCOV tracefile, or an empty one");
      }
      return report();
    }

    private void record(LcovLines l, int s) throws InputException {
      int colon = l.indexOf((byte) ':', s, l.end);
      if (colon < 0) {
        if (l.is(s, l.end, "end_of_record")) {
          endOfRecord(l);
          return;
        }
        throw l.error("not an LCOV record: `" + l.text(s, l.end) + "`");
      }
      int v = colon + 1;
      int code = code(l, s, colon);
      if (code == DA) {
        open(l, s, colon).lineData(l, v);
      } else if (code == BRDA) {
        open(l, s, colon).branchData(l, v);
      } else if (code == SF) {
        startSection(l, v);
      } else if (code == FN) {
        open(l, s, colon).functionName(l, v);
      } else if (code == FNDA) {
        open(l, s, colon).functionData(l, v);
      } else if (code == FNL) {
        open(l, s, colon).functionLeader(l, v);
      } else if (code == FNA) {
        open(l, s, colon).functionAlias(l, v);
      } else if (code == LF || code == LH) {
        open(l, s, colon).summary(0, code == LH, l, v, code == LH ? "LH" : "LF");
      } else if (code == BRF || code == BRH) {
        open(l, s, colon).summary(1, code == BRH, l, v, code == BRH ? "BRH" : "BRF");
      } else if (code == FNF || code == FNH) {
        open(l, s, colon).summary(2, code == FNH, l, v, code == FNH ? "FNH" : "FNF");
      } else if (code == TN) {
        if (section != null) {
          implicitEnd(l, "TN");
        }
      } else if (code == VER || code == MCDC || code == MCF || code == MCH) {
        open(l, s, colon); // MC/DC is not reported
      } else if (key(l, s, colon).isEmpty()) {
        throw l.error("not an LCOV record: `" + l.text(s, l.end) + "`");
      } else {
        String key = key(l, s, colon);
        warnings.add("unknown " + key, l.number, "unknown record type " + key + ": ignored");
      }
    }

    private static final int DA = pack("DA");
    private static final int BRDA = pack("BRDA");
    private static final int SF = pack("SF");
    private static final int TN = pack("TN");
    private static final int FN = pack("FN");
    private static final int FNDA = pack("FNDA");
    private static final int FNL = pack("FNL");
    private static final int FNA = pack("FNA");
    private static final int FNF = pack("FNF");
    private static final int FNH = pack("FNH");
    private static final int LF = pack("LF");
    private static final int LH = pack("LH");
    private static final int BRF = pack("BRF");
    private static final int BRH = pack("BRH");
    private static final int VER = pack("VER");
    private static final int MCDC = pack("MCDC");
    private static final int MCF = pack("MCF");
    private static final int MCH = pack("MCH");

    private static int pack(String key) {
      int code = 0;
      for (int i = 0; i < key.length(); i++) {
        code = code << 8 | key.charAt(i);
      }
      return code;
    }

    /** Up to four record-type bytes packed into an int (no allocation on the hot path); 0 else. */
    private static int code(LcovLines l, int from, int colon) {
      if (colon - from > 4 || colon == from) {
        return 0;
      }
      int code = 0;
      for (int i = from; i < colon; i++) {
        code = code << 8 | (l.buf[i] & 0xff);
      }
      return code;
    }

    /** The record type before the colon, or "" when it is not a word. */
    private static String key(LcovLines l, int from, int colon) {
      if (colon - from > 16 || colon == from) {
        return "";
      }
      for (int i = from; i < colon; i++) {
        byte b = l.buf[i];
        if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '_')) {
          return "";
        }
      }
      return l.text(from, colon);
    }

    /** The open section, for the record at {@code [s, colon)}; an error when none is open. */
    private LcovSection open(LcovLines l, int s, int colon) throws InputException {
      if (section == null) {
        throw l.error(key(l, s, colon) + " outside a record: no SF before it");
      }
      return section;
    }

    private void startSection(LcovLines l, int v) throws InputException {
      if (section != null) {
        implicitEnd(l, "SF");
      }
      String path = l.utf8(v, l.end);
      LcovFile file = files.get(path);
      if (file == null) {
        budget.charge(LcovFile.FIXED_BYTES + 2L * path.length(), l.number);
        file = new LcovFile();
        files.put(path, file);
      }
      section = new LcovSection(file, name, path, budget, warnings);
      sectionStart = l.number;
    }

    private void implicitEnd(LcovLines l, String record) throws InputException {
      warnings.add(
          "no end_of_record",
          l.number,
          record
              + " before the end_of_record of the record opened at line "
              + sectionStart
              + ": closed it there");
      section.finish(l.number);
      section = null;
    }

    private void endOfRecord(LcovLines l) throws InputException {
      if (section == null) {
        warnings.add("stray end", l.number, "end_of_record without a record: ignored");
        return;
      }
      section.finish(l.number);
      section = null;
    }

    private CoverageReport report() {
      CoverageCount lineTotal = CoverageCount.NONE;
      CoverageCount branchTotal = CoverageCount.NONE;
      CoverageCount functionTotal = CoverageCount.NONE;
      boolean anyFunctions = false;
      for (Map.Entry<String, LcovFile> e : files.entrySet()) {
        LcovFile f = e.getValue();
        lineTotal = lineTotal.plus(f.lineCount());
        branchTotal = branchTotal.plus(f.branchCount());
        functionTotal = functionTotal.plus(f.functionCount());
        anyFunctions |= f.hasFunctions();
        if (f.lineSummary.sections > 1
            || f.lineSummary.sections > 0 && f.hasLineDetail
            || f.branchSummary.sections > 1
            || f.functionSummary.sections > 1) {
          warnings.add(
              "summary merge",
              0,
              e.getKey()
                  + " appears in several records, some with only summary lines: merged"
                  + " by the larger count (a lower bound)");
        }
      }
      return new CoverageReport(
          CoverageFormat.LCOV,
          lineTotal,
          branchTotal,
          anyFunctions ? Optional.of(functionTotal) : Optional.empty(),
          files.size(),
          warnings.list());
    }
  }
}
