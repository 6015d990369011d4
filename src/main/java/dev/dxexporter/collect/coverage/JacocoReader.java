package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SecureXml;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a JaCoCo XML report ({@code report.dtd} 1.0/1.1: {@code report > group* > package > class >
 * method}, {@code package > sourcefile > line}), streaming through {@link SecureXml}: the {@code
 * <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">} every report carries is
 * not fetched.
 *
 * <p>The numbers are the report-level {@code <counter type="LINE|BRANCH|METHOD" missed covered>}
 * elements, the last children of {@code <report>}: JaCoCo computes them over the whole bundle
 * (lines of a source file counted once), and they are what its HTML report and every consumer show.
 * JaCoCo writes a counter only when its total is not zero, so a missing {@code BRANCH} is 0/0 and
 * an element without any counter has no code. Only when {@code <report>} has no counter of its own
 * while it has content (a hand-trimmed or foreign-tool report) are its children summed, each
 * child's own counters when it has them, else its children's, down to a source file's {@code <line
 * mi ci mb cb>} (a line is covered when {@code ci > 0}, as JaCoCo counts lines), with a warning.
 * When both exist and differ, the report's counters win and a warning says so.
 *
 * <p>Refused with a located {@link InputException}: XML that is not well-formed, a root other than
 * {@code <report>}, and a {@code <counter>} or {@code <line>} whose numbers are missing, negative
 * or not integers.
 */
public final class JacocoReader {
  private static final long MAX_COUNT = 1_000_000_000_000_000L;
  private static final String[] TYPES = {"LINE", "BRANCH", "METHOD"};

  /** JaCoCo nests report, group, package, class, method; groups nest a few levels at most. */
  private static final int MAX_DEPTH = 256;

  private final SecureXml xml;

  public JacocoReader() {
    this(new SecureXml());
  }

  public JacocoReader(SecureXml xml) {
    this.xml = xml;
  }

  /** Reads {@code in} to its end; {@code name} names the input in errors and warnings. */
  public CoverageReport read(InputStream in, Path name) throws InputException {
    XMLStreamReader reader = xml.open(in, name);
    try {
      return new Parse(reader, name).run();
    } catch (XMLStreamException e) {
      throw SecureXml.error(name, e);
    } catch (ArithmeticException e) {
      throw new InputException(name, "counter totals overflow", e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing left to read
      }
    }
  }

  /**
   * The counters of one element: LINE, BRANCH and METHOD, each missed then covered. {@code
   * children} sums them by child kind: groups and packages, source files, classes, methods, lines.
   */
  private static final class Frame {
    static final int MODULES = 0;
    static final int SOURCEFILES = 1;
    static final int CLASSES = 2;
    static final int METHODS = 3;
    static final int LINES = 4;

    final String kind;
    final long[] direct = new long[6];
    boolean hasDirect;
    final long[][] children = new long[5][6];
    final int[] childCount = new int[5];

    Frame(String kind) {
      this.kind = kind;
    }

    long[] effective() {
      if (hasDirect) {
        return direct;
      }
      return switch (kind) {
        case "report", "group" -> children[MODULES];
        case "package" -> childCount[SOURCEFILES] > 0 ? children[SOURCEFILES] : children[CLASSES];
        case "class" -> children[METHODS];
        case "sourcefile" -> children[LINES];
        default -> new long[6];
      };
    }

    void addChild(int slot, long[] counters) {
      childCount[slot]++;
      for (int i = 0; i < 6; i++) {
        children[slot][i] = Math.addExact(children[slot][i], counters[i]);
      }
    }
  }

  private static final class Parse {
    private final XMLStreamReader r;
    private final XmlValues values;
    private final Path name;
    private final Warnings warnings;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int depth;
    private long sourcefiles;
    private Frame report;
    private int reportLine;

    Parse(XMLStreamReader r, Path name) {
      this.r = r;
      this.values = new XmlValues(r, name);
      this.name = name;
      this.warnings = new Warnings(name);
    }

    CoverageReport run() throws XMLStreamException, InputException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          start(r.getLocalName());
          depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          end(r.getLocalName());
        }
      }
      if (report == null) {
        throw new InputException(name, "no root element");
      }
      return result();
    }

    private void start(String element) throws InputException {
      if (depth >= MAX_DEPTH) {
        throw values.error("elements nested deeper than " + MAX_DEPTH);
      }
      if (depth == 0) {
        if (!element.equals("report")) {
          throw values.error("root element <" + element + "> is not JaCoCo's <report>");
        }
        report = new Frame("report");
        reportLine = values.line();
        frames.push(report);
        return;
      }
      switch (element) {
        case "group", "package", "class", "method", "sourcefile" -> {
          if (element.equals("sourcefile")) {
            sourcefiles++;
          }
          frames.push(new Frame(element));
        }
        case "counter" -> counter();
        case "line" -> line();
        default -> {
          // sessioninfo and anything newer: not coverage
        }
      }
    }

    private void end(String element) {
      switch (element) {
        case "group", "package", "class", "method", "sourcefile" -> {
          Frame done = frames.pop();
          int slot =
              switch (element) {
                case "sourcefile" -> Frame.SOURCEFILES;
                case "class" -> Frame.CLASSES;
                case "method" -> Frame.METHODS;
                default -> Frame.MODULES;
              };
          frames.peek().addChild(slot, done.effective());
        }
        default -> {
          // counters and lines were taken at their start
        }
      }
    }

    private void counter() throws InputException {
      String type = values.get("type");
      long missed = values.count("missed", MAX_COUNT);
      long covered = values.count("covered", MAX_COUNT);
      if (type == null) {
        throw values.error("<counter> has no type");
      }
      Frame at = frames.peek();
      at.hasDirect = true;
      for (int t = 0; t < TYPES.length; t++) {
        if (TYPES[t].equals(type)) {
          at.direct[2 * t] = Math.addExact(at.direct[2 * t], missed);
          at.direct[2 * t + 1] = Math.addExact(at.direct[2 * t + 1], covered);
        }
      }
    }

    /** {@code <line nr mi ci mb cb>} of a source file: only used when counters are missing. */
    private void line() throws InputException {
      Frame at = frames.peek();
      values.count("nr", Integer.MAX_VALUE);
      long mi = values.count("mi", MAX_COUNT, 0);
      long ci = values.count("ci", MAX_COUNT, 0);
      long mb = values.count("mb", MAX_COUNT, 0);
      long cb = values.count("cb", MAX_COUNT, 0);
      if (!at.kind.equals("sourcefile")) {
        return;
      }
      long[] line = {ci == 0 && mi > 0 ? 1 : 0, ci > 0 ? 1 : 0, mb, cb, 0, 0};
      at.addChild(Frame.LINES, line);
    }

    private CoverageReport result() {
      long[] c = report.effective();
      long[] sum = report.children[Frame.MODULES];
      int modules = report.childCount[Frame.MODULES];
      if (!report.hasDirect && modules > 0) {
        warnings.add(
            reportLine,
            "<report> has no counters of its own: its " + modules + " groups/packages are summed");
      } else if (report.hasDirect && modules > 0) {
        for (int t = 0; t < TYPES.length; t++) {
          if (sum[2 * t] != c[2 * t] || sum[2 * t + 1] != c[2 * t + 1]) {
            warnings.add(
                "mismatch " + TYPES[t],
                reportLine,
                "the report's "
                    + TYPES[t]
                    + " counter says "
                    + count(c, t)
                    + " but its "
                    + modules
                    + " groups/packages sum to "
                    + count(sum, t)
                    + "; the report's counter is used");
          }
        }
      }
      return new CoverageReport(
          CoverageFormat.JACOCO,
          count(c, 0),
          count(c, 1),
          Optional.of(count(c, 2)),
          sourcefiles,
          warnings.list());
    }

    private static CoverageCount count(long[] counters, int type) {
      long missed = counters[2 * type];
      long covered = counters[2 * type + 1];
      return new CoverageCount(covered, Math.addExact(missed, covered));
    }
  }
}
