package dev.dxexporter.collect.tests;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one JUnit XML file of any common dialect in one streaming pass: {@code <testsuites>} or a
 * bare {@code <testsuite>} root, nested suites, cases directly under {@code <testsuites>} (Node),
 * {@code failure} / {@code error} / {@code skipped} children, Surefire's and nextest's retry
 * elements, {@code status} attributes (CTest, Allure, tst, bazel) and Node's {@code failure}
 * attribute. Each case is handed to the consumer as soon as its end tag is read and is not kept, so
 * memory does not grow with the file.
 *
 * <p>The result of a case: the worst of its {@code failure} (failed), {@code error} (errored) and
 * {@code skipped} children and its {@code status} / {@code failure} attributes (a {@code status} of
 * notrun, disabled, skipped, ignored, pending or todo is skipped; failed / error likewise); with
 * none of them, {@link TestResult#FLAKY} when it has {@code flakyFailure} / {@code flakyError}
 * children (it failed, was rerun and passed), else passed. A case that has {@code failure} and
 * {@code rerunFailure} failed every attempt: failed. The retry elements are counted in {@link
 * TestCase#retries()}. Suite attributes such as {@code tests=} and {@code failures=} are never
 * used.
 *
 * <p>Bad input gives a located {@link InputException}: not well-formed XML (truncated, unclosed
 * CDATA, an attribute like {@code time="<<computed>>"}), an empty file, a DTD or entity (XXE,
 * billion laughs: refused by {@link SecureXml}), another root element (Allure 1, {@code <suites>}),
 * suites nested over {@value ReportReading#MAX_SUITE_DEPTH} deep. Invalid times (negative, NaN,
 * non-numeric, over a week) are not an error: they are taken as unknown and listed in {@link
 * ReportFile#warnings()}. A consumer may have received some cases of a file that then fails.
 *
 * <p>Thread-safe: each call reads with its own state.
 */
public final class JUnitReportParser {
  /**
   * Surefire writes a few MiB per class; a 500 MB one-file report still streams in a small heap.
   */
  public static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;

  private final SecureXml xml;

  public JUnitReportParser(SecureXml xml) {
    this.xml = xml;
  }

  public JUnitReportParser() {
    this(new SecureXml());
  }

  /** Reads {@code in} (not closed); {@code name} names the file in errors and in the result. */
  public ReportFile parse(InputStream in, Path name, Consumer<TestCase> cases)
      throws InputException {
    XMLStreamReader reader = xml.open(in, name);
    try {
      return new ReportReading(reader, name, cases).read();
    } catch (XMLStreamException e) {
      throw SecureXml.error(name, e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // closing a StAX reader frees its buffers; the stream is the caller's
      }
    }
  }

  /** Reads {@code file} through {@code files} (its size cap and confinement). */
  public ReportFile parse(Path file, BoundedFiles files, Consumer<TestCase> cases)
      throws InputException {
    try (InputStream in = files.open(file)) {
      return parse(in, file, cases);
    } catch (IOException e) {
      throw new InputException(file, "cannot read: " + e, e);
    }
  }
}
