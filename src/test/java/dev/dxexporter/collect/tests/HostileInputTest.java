package dev.dxexporter.collect.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.input.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacks and broken values: located errors, or values taken as unknown with a warning. */
class HostileInputTest {
  private static final Path NAME = Path.of("report.xml");

  private static ReportFile parse(String xml, List<TestCase> cases) throws InputException {
    return new JUnitReportParser()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), NAME, cases::add);
  }

  @Test
  void externalEntityIsRefusedWithItsLine() {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuites [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + "<testsuites>\n<testsuite name=\"s\"><testcase name=\"&xxe;\"/></testsuite></testsuites>";
    assertThatThrownBy(() -> parse(xml, new ArrayList<>()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("report.xml:4:")
        .hasMessageContaining("xxe");
  }

  @Test
  void billionLaughsIsRefusedWithItsLine() {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE t [\n<!ENTITY a \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      xml.append("<!ENTITY ").append((char) ('a' + i)).append(" \"");
      xml.append(("&" + (char) ('a' + i - 1) + ";").repeat(10)).append("\">\n");
    }
    xml.append("]>\n<testsuites><testsuite><testcase name=\"&j;\"/></testsuite></testsuites>");
    assertThatThrownBy(() -> parse(xml.toString(), new ArrayList<>()))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(14));
  }

  @Test
  void suitesNestedTooDeepAreRefused() {
    String xml =
        "<testsuites>" + "<testsuite>".repeat(100) + "</testsuite>".repeat(100) + "</testsuites>";
    assertThatThrownBy(() -> parse(xml, new ArrayList<>()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nested deeper than " + ReportReading.MAX_SUITE_DEPTH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "NaN", "Infinity", "*", "1e9", "abc", "0,5"})
  void invalidTimesAreUnknownAndWarned(String time) throws Exception {
    List<TestCase> cases = new ArrayList<>();
    ReportFile file =
        parse(
            "<testsuite time=\""
                + time
                + "\">\n  <testcase name=\"a\" time=\""
                + time
                + "\"/></testsuite>",
            cases);
    assertThat(cases).singleElement().satisfies(c -> assertThat(c.seconds()).isZero());
    assertThat(file.warningCount()).isEqualTo(2);
    assertThat(file.warnings().get(1)).startsWith("2:").contains("testcase time");
    assertThat(file.suites()).singleElement().satisfies(s -> assertThat(s.timeGiven()).isFalse());
  }

  @Test
  void thousandsSeparatorsAreRead() throws Exception {
    List<TestCase> cases = new ArrayList<>();
    ReportFile file =
        parse("<testsuite><testcase name=\"a\" time=\"1,234.5\"/></testsuite>", cases);
    assertThat(cases.get(0).seconds()).isEqualTo(1234.5);
    assertThat(file.warningCount()).isZero();
  }

  @Test
  void warningsAreCappedButCounted() throws Exception {
    String xml = "<testsuite>" + "<testcase time=\"-1\"/>".repeat(500) + "</testsuite>";
    ReportFile file = parse(xml, new ArrayList<>());
    assertThat(file.warnings()).hasSize(ReportValues.MAX_WARNINGS);
    assertThat(file.warningCount()).isEqualTo(500);
    assertThat(file.counts().passed()).isEqualTo(500);
  }

  @Test
  void longMessagesAreCut() throws Exception {
    List<TestCase> cases = new ArrayList<>();
    parse(
        "<testsuite><testcase><failure message=\""
            + "x".repeat(5000)
            + "\"/></testcase></testsuite>",
        cases);
    assertThat(cases.get(0).message()).hasSize(TestCase.MESSAGE_LIMIT);
  }

  @Test
  void statusAttributesAndNodesFailureAttributeDecide() throws Exception {
    List<TestCase> cases = new ArrayList<>();
    parse(
        "<testsuites><testcase name=\"n\" failure=\"boom\"/>"
            + "<testsuite><testcase name=\"d\" status=\"disabled\"/><testcase name=\"r\" status=\"run\"/>"
            + "<testcase name=\"s\"><skipped message=\"later\"/><system-out>x</system-out></testcase>"
            + "</testsuite></testsuites>",
        cases);
    assertThat(cases)
        .extracting(TestCase::result)
        .containsExactly(
            TestResult.FAILED, TestResult.SKIPPED, TestResult.PASSED, TestResult.SKIPPED);
    assertThat(cases.get(0).message()).isEqualTo("boom");
    assertThat(cases.get(3).message()).isEqualTo("later");
  }

  @Test
  void truncatedFileFailsWithItsLastLine() {
    assertThatThrownBy(
            () -> parse("<testsuite>\n<testcase name=\"a\">\n<failure>", new ArrayList<>()))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
  }
}
