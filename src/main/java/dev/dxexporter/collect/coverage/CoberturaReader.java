package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SecureXml;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Cobertura XML ({@code coverage-04.dtd}, and the older {@code coverage-03.dtd}) as
 * coverage.py, gcovr, coverlet/.NET, istanbul's cobertura reporter, tarpaulin and LuaCov write it,
 * streaming through {@link SecureXml} (a DOCTYPE, even with an internal subset, is never fetched).
 *
 * <p><b>Counted from the lines, not taken from the root.</b> In the DTD the data are the {@code
 * <line number hits [branch condition-coverage]>} elements of each {@code <class><lines>}; the
 * root's {@code line-rate}, {@code branch-rate}, {@code lines-covered}, {@code lines-valid}, {@code
 * branches-covered} and {@code branches-valid} are derived summaries. They are often unusable:
 * coverage-03 has only the two rates, rounded to four digits; the rates of an empty report are 1
 * (istanbul) or 0 (coverage.py); tools that merge or filter reports leave the root stale; and
 * hand-written fixtures disagree with their own lines. So this reader recounts: a line is one
 * {@code (filename, number)} however many classes list it (coverlet writes compiler-generated
 * classes of one file), covered when any listing has {@code hits > 0}; a branch line contributes
 * the {@code (covered/total)} of its {@code condition-coverage="50% (1/2)"}, the largest where a
 * line is listed twice. The {@code <lines>} inside {@code <method>} repeat the class's and are
 * skipped. The root's counts are only a cross-check (a warning when they differ), and they are used
 * only when the report has no class lines at all (a summary-only report).
 *
 * <p>Refused with a located {@link InputException}: XML that is not well-formed (truncated
 * included), a root other than {@code <coverage>} (or a Clover {@code <coverage clover=..>}), a
 * {@code <line>} without a valid {@code number} or {@code hits}, and a {@code condition-coverage}
 * with more covered than total or above 65535 branches. Recovered with a warning: a negative {@code
 * hits} (counted as not hit), a branch line without countable {@code condition-coverage}, an
 * unusable root attribute (NaN, negative, a rate outside 0..1: ignored), and root totals that
 * disagree with the lines.
 */
public final class CoberturaReader {
  private static final Pattern CONDITIONS =
      Pattern.compile("\\s*\\d+(?:\\.\\d+)?\\s*%\\s*\\(\\s*(\\d+)\\s*/\\s*(\\d+)\\s*\\)\\s*");
  private static final int MAX_BRANCHES_PER_LINE = 0xFFFF;
  private static final int MAX_DEPTH = 256;

  private final SecureXml xml;
  private final long maxDetailBytes;

  public CoberturaReader() {
    this(new SecureXml(), DetailBudget.DEFAULT_MAX_BYTES);
  }

  public CoberturaReader(SecureXml xml, long maxDetailBytes) {
    this.xml = xml;
    this.maxDetailBytes = DetailBudget.checked(maxDetailBytes);
  }

  /** Reads {@code in} to its end; {@code name} names the input in errors and warnings. */
  public CoverageReport read(InputStream in, Path name) throws InputException {
    XMLStreamReader reader = xml.open(in, name);
    try {
      return new Parse(reader, name, new DetailBudget(maxDetailBytes, name)).run();
    } catch (XMLStreamException e) {
      throw SecureXml.error(name, e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing left to read
      }
    }
  }

  /** One source file's lines, merged over the classes that name it. */
  private static final class FileLines {
    /**
     * This object, its LineMarks, a PackedLongs of 16 entries, the map entry, the String header.
     */
    static final long FIXED_BYTES = 320;

    final LineMarks lines = new LineMarks();

    /** line << 32 | total << 16 | covered, the largest of each per line. */
    final PackedLongs branches =
        new PackedLongs(
            32,
            (a, b) ->
                (a & ~0xFFFFFFFFL)
                    | Math.max(a >>> 16 & 0xFFFF, b >>> 16 & 0xFFFF) << 16
                    | Math.max(a & 0xFFFF, b & 0xFFFF));
  }

  private static final class Parse {
    private final XMLStreamReader r;
    private final XmlValues values;
    private final Path name;
    private final DetailBudget budget;
    private final Warnings warnings;
    private final Map<String, FileLines> files = new HashMap<>();
    private final String[] path = new String[MAX_DEPTH];
    private int depth;
    private FileLines current;
    private long lineElements;
    private RootTotals root;

    Parse(XMLStreamReader r, Path name, DetailBudget budget) {
      this.r = r;
      this.values = new XmlValues(r, name);
      this.name = name;
      this.budget = budget;
      this.warnings = new Warnings(name);
    }

    CoverageReport run() throws XMLStreamException, InputException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          start(r.getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          if (r.getLocalName().equals("class")) {
            current = null;
          }
        }
      }
      if (root == null) {
        throw new InputException(name, "no root element");
      }
      return report();
    }

    private void start(String element) throws InputException {
      if (depth == 0) {
        if (!element.equals("coverage")) {
          throw values.error("root element <" + element + "> is not Cobertura's <coverage>");
        }
        if (values.get("clover") != null) {
          throw values.error("a Clover report (<coverage clover=..>), not Cobertura");
        }
        root = RootTotals.read(values, warnings);
      } else if (element.equals("class")) {
        classStart();
      } else if (element.equals("line")
          && depth >= 2
          && "lines".equals(path[depth - 1])
          && "class".equals(path[depth - 2])) {
        line();
      }
      if (depth == MAX_DEPTH) {
        throw values.error("elements nested deeper than " + MAX_DEPTH);
      }
      path[depth++] = element;
    }

    private void classStart() throws InputException {
      String file = values.get("filename");
      if (file == null || file.isEmpty()) {
        file = values.get("name");
        warnings.add("no filename", values.line(), "<class> without filename: keyed by its name");
        if (file == null) {
          file = "";
        }
      }
      current = files.get(file);
      if (current == null) {
        budget.charge(FileLines.FIXED_BYTES + 2L * file.length(), values.line());
        current = new FileLines();
        files.put(file, current);
      }
    }

    private void line() throws InputException {
      int number = (int) values.count("number", Integer.MAX_VALUE);
      int hits = values.executions("hits");
      if (hits < 0) {
        warnings.add("negative", values.line(), "negative hits: counted as not executed");
      }
      try { // the location is only looked up on failure: getLocation() allocates
        current.lines.mark(number, hits > 0, budget, 0);
      } catch (InputException e) {
        throw values.error(e.problem());
      }
      lineElements++;
      String branch = values.get("branch");
      if (branch == null || !branch.equalsIgnoreCase("true")) {
        return;
      }
      String coverage = values.get("condition-coverage");
      Matcher m = coverage == null ? null : CONDITIONS.matcher(coverage);
      if (m == null || !m.matches()) {
        warnings.add(
            "conditions",
            values.line(),
            "branch line without counts in condition-coverage (\""
                + (coverage == null ? "" : XmlValues.shorten(coverage))
                + "\"): its branches are not counted");
        return;
      }
      long covered = parse(m.group(1));
      long total = parse(m.group(2));
      if (covered > total || total > MAX_BRANCHES_PER_LINE) {
        throw values.error(
            "condition-coverage=\""
                + XmlValues.shorten(coverage)
                + "\": "
                + (covered > total ? "more covered than total" : "more than 65535 branches"));
      }
      try {
        current.branches.add((long) number << 32 | total << 16 | covered, budget, 0);
      } catch (InputException e) {
        throw values.error(e.problem());
      }
    }

    private static long parse(String digits) {
      return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private CoverageReport report() {
      CoverageCount lines = CoverageCount.NONE;
      CoverageCount branches = CoverageCount.NONE;
      for (FileLines f : files.values()) {
        lines = lines.plus(new CoverageCount(f.lines.hit(), f.lines.found()));
        long covered = 0;
        long total = 0;
        for (long e : f.branches.distinct()) {
          total += e >>> 16 & 0xFFFF;
          covered += Math.min(e & 0xFFFF, e >>> 16 & 0xFFFF);
        }
        branches = branches.plus(new CoverageCount(covered, total));
      }
      if (lineElements == 0) {
        lines = root.standIn("lines", lines, warnings);
        branches = root.standIn("branches", branches, warnings);
      } else {
        root.check("lines", lines, warnings);
        root.check("branches", branches, warnings);
      }
      return new CoverageReport(
          CoverageFormat.COBERTURA,
          lines,
          branches,
          Optional.empty(),
          files.size(),
          warnings.list());
    }
  }
}
