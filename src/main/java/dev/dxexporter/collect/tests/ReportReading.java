package dev.dxexporter.collect.tests;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One pass over one file: a recursive descent over the StAX events, holding only the enclosing
 * suites and the current case. Everything it does not need (system-out, properties' values, stack
 * traces past the message) is skipped without being turned into strings.
 */
final class ReportReading {
  /** Deeper nesting is an attack or a broken writer, not a test report. */
  static final int MAX_SUITE_DEPTH = 64;

  private static final Pattern NODE_SUMMARY =
      Pattern.compile(
          "\\s*(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms)\\s+(\\S+)\\s*");

  private final XMLStreamReader reader;
  private final Path file;
  private final Consumer<TestCase> consumer;
  private final ReportValues values = new ReportValues();
  private final DialectEvidence evidence = new DialectEvidence();
  private final CaseState current = new CaseState();
  private final int[] counts = new int[TestResult.values().length];
  private final List<SuiteTime> suites = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private int suitesOmitted;
  private double caseSeconds;
  private double rootSeconds = -1;
  private Instant rootStart;
  private TopLevelTimes topLevel = TopLevelTimes.NONE;

  ReportReading(XMLStreamReader reader, Path file, Consumer<TestCase> consumer) {
    this.reader = reader;
    this.file = file;
    this.consumer = consumer;
  }

  ReportFile read() throws XMLStreamException, InputException {
    int event = reader.next();
    while (event != XMLStreamConstants.START_ELEMENT) {
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new InputException(file, "not a JUnit XML report: no root element");
      }
      event = reader.next();
    }
    switch (reader.getLocalName()) {
      case "testsuites" -> root();
      case "testsuite" -> suite(0);
      default -> {
        Location at = reader.getLocation();
        throw new InputException(
            file,
            at.getLineNumber(),
            at.getColumnNumber(),
            "not a JUnit XML report: the root element is <"
                + reader.getLocalName()
                + ">, not <testsuites> or <testsuite>");
      }
    }
    while (reader.hasNext()) {
      reader.next(); // trailing comments and whitespace; the parser checks well-formedness
    }
    return new ReportFile(
        file,
        evidence.dialect(),
        new TestCounts(
            counts[TestResult.PASSED.ordinal()],
            counts[TestResult.FLAKY.ordinal()],
            counts[TestResult.SKIPPED.ordinal()],
            counts[TestResult.FAILED.ordinal()],
            counts[TestResult.ERRORED.ordinal()]),
        suites,
        suitesOmitted,
        rootSeconds,
        rootStart,
        topLevel,
        caseSeconds,
        values.warnings(),
        values.warningCount());
  }

  /** {@code <testsuites>}: its totals, then suites, bare cases (Node) and Node's comments. */
  private void root() throws XMLStreamException, InputException {
    String name = null;
    String uuid = null;
    String where = where("testsuites");
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String value = reader.getAttributeValue(i);
      switch (reader.getAttributeLocalName(i)) {
        case "name" -> name = value;
        case "uuid" -> uuid = value;
        case "time" -> rootSeconds = values.seconds(value, where);
        case "timestamp" -> rootStart = values.timestamp(value, where);
        default -> {}
      }
    }
    evidence.root(name, uuid);
    container(0);
  }

  /** The children of a {@code <testsuites>}, which may (rarely) nest. */
  private void container(int depth) throws XMLStreamException, InputException {
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (event == XMLStreamConstants.COMMENT && depth == 0) {
        nodeSummary(reader.getText());
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "testsuite" -> suite(depth);
          case "testcase" -> {
            evidence.nodeShape = true;
            double seconds = testCase("");
            topLevel = topLevel.plus(seconds, null);
          }
          case "testsuites" -> nested(depth).container(depth + 1);
          case "properties" -> Elements.propertyNames(reader, evidence::property);
          default -> Elements.skip(reader);
        }
      }
    }
  }

  private ReportReading nested(int depth) throws InputException {
    if (depth + 1 >= MAX_SUITE_DEPTH) {
      throw tooDeep();
    }
    return this;
  }

  /** Node's {@code <!-- tests 4 -->} ... {@code <!-- duration_ms 12.3 -->} summary. */
  private void nodeSummary(String comment) {
    Matcher m = NODE_SUMMARY.matcher(comment);
    if (!m.matches()) {
      return;
    }
    evidence.nodeComment = true;
    if (m.group(1).equals("duration_ms") && rootSeconds < 0 && !m.group(2).equals("*")) {
      double ms = values.seconds(m.group(2), where("duration_ms comment"));
      rootSeconds = ms < 0 ? -1 : ms / 1000;
    }
  }

  /** A {@code <testsuite>}: returns after its end tag, having counted its cases and time. */
  private void suite(int depth) throws XMLStreamException, InputException {
    if (depth >= MAX_SUITE_DEPTH) {
      throw tooDeep();
    }
    String name = "";
    double seconds = -1;
    Instant start = null;
    String where = where("testsuite");
    evidence.suite(reader);
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String value = reader.getAttributeValue(i);
      switch (reader.getAttributeLocalName(i)) {
        case "name" -> name = value;
        case "time" -> seconds = values.seconds(value, where);
        case "timestamp" -> start = values.timestamp(value, where);
        default -> {}
      }
    }
    int casesBefore = total();
    double caseSecondsBefore = caseSeconds;
    int index = suites.size();
    if (index < ReportFile.MAX_SUITES) {
      suites.add(null); // filled in at the end tag, so suites stay in document order
    }
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "testcase" -> testCase(name);
          case "testsuite" -> suite(depth + 1);
          case "properties" -> Elements.propertyNames(reader, evidence::property);
          default -> Elements.skip(reader);
        }
      }
    }
    boolean timeGiven = seconds >= 0;
    double suiteSeconds = timeGiven ? seconds : caseSeconds - caseSecondsBefore;
    SuiteTime suite =
        new SuiteTime(name, depth, total() - casesBefore, suiteSeconds, timeGiven, start);
    if (index < ReportFile.MAX_SUITES) {
      suites.set(index, suite);
    } else {
      suitesOmitted++;
    }
    if (depth == 0) {
      topLevel = topLevel.plus(suiteSeconds, start);
    }
  }

  /** A {@code <testcase>}: streams it to the consumer; returns its valid time (else 0). */
  private double testCase(String suite) throws XMLStreamException {
    CaseState c = current;
    c.reset();
    String where = where("testcase");
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String attribute = reader.getAttributeLocalName(i);
      String value = reader.getAttributeValue(i);
      switch (attribute) {
        case "name" -> c.name = value;
        case "classname" -> c.className = value;
        case "time" -> c.timeText = value;
        case "status" -> c.status(value);
        case "failure" -> c.failureAttribute(Messages.shorten(value));
        default -> {}
      }
      evidence.caseAttribute(attribute, value);
    }
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "failure" -> c.element(TestResult.FAILED, resultMessage());
          case "error" -> c.element(TestResult.ERRORED, resultMessage());
          case "skipped" -> c.element(TestResult.SKIPPED, resultMessage());
          case "flakyFailure", "flakyError" ->
              c.flaky(c.flakyMessage == null ? resultMessage() : skipped());
          case "rerunFailure", "rerunError" -> {
            c.rerun();
            Elements.skip(reader);
          }
          default -> Elements.skip(reader);
        }
      }
    }
    double seconds = Math.max(0, values.seconds(c.timeText, where));
    TestResult result = c.result();
    counts[result.ordinal()]++;
    caseSeconds += seconds;
    consumer.accept(
        new TestCase(suite, c.className, c.name, result, seconds, c.retries(), c.message(result)));
    return seconds;
  }

  /**
   * The message of a result element: its {@code message} attribute, else the first non-blank line
   * of its own text (nested stackTrace / system-out are skipped).
   */
  private String resultMessage() throws XMLStreamException {
    String message = reader.getAttributeValue(null, "message");
    if (message != null && !message.isBlank()) {
      Elements.skip(reader);
      return Messages.shorten(message);
    }
    Elements.ownText(reader, text, Messages.TEXT_WINDOW);
    return Messages.firstLine(text);
  }

  /** Skips the rest of the element just started; returns null (a message not needed). */
  private String skipped() throws XMLStreamException {
    Elements.skip(reader);
    return null;
  }

  private int total() {
    int total = 0;
    for (int count : counts) {
      total += count;
    }
    return total;
  }

  private String where(String element) {
    Location at = reader.getLocation();
    return at.getLineNumber() + ":" + at.getColumnNumber() + ": " + element;
  }

  private InputException tooDeep() {
    Location at = reader.getLocation();
    return new InputException(
        file,
        at.getLineNumber(),
        at.getColumnNumber(),
        "test suites nested deeper than " + MAX_SUITE_DEPTH);
  }
}
