package dev.dxexporter.collect.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.input.InputException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** JaCoCo reports from Madrapps/jacoco-report: real single, multi-module and aggregate output. */
class JacocoFixturesTest {
  private static final String DIR = "jacoco/jacoco-report/__tests__/__fixtures__/";
  private final JacocoReader reader = new JacocoReader();

  /** Real reports whose report-level counters equal the sum of their packages. */
  static List<Path> consistent() {
    return List.of(
        Fixtures.path(DIR + "report.xml"),
        Fixtures.path(DIR + "multi_module/appCoverage.xml"),
        Fixtures.path(DIR + "multi_module/mathCoverage.xml"),
        Fixtures.path(DIR + "multi_module/textCoverage.xml"));
  }

  @ParameterizedTest
  @MethodSource("consistent")
  void theReportLevelCountersAreTheNumbersAndPackagesSumToThem(Path file) throws Exception {
    Document doc = dom(Fixtures.text(file));
    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(direct(doc.getDocumentElement(), "LINE"));
    assertThat(report.branches()).isEqualTo(direct(doc.getDocumentElement(), "BRANCH"));
    assertThat(report.functions()).contains(direct(doc.getDocumentElement(), "METHOD"));
    assertThat(report.lines().total()).isPositive();
    assertThat(report.files()).isEqualTo(doc.getElementsByTagName("sourcefile").getLength());
    assertThat(report.warnings()).isEmpty();

    // Without the report-level counters, the packages are summed to the same numbers.
    removeDirectCounters(doc.getDocumentElement());
    CoverageReport summed = reader.read(Fixtures.stream(xml(doc)), file);
    assertThat(summed.lines()).isEqualTo(report.lines());
    assertThat(summed.branches()).isEqualTo(report.branches());
    assertThat(summed.functions()).isEqualTo(report.functions());
    assertThat(summed.warnings()).singleElement().asString().contains("summed");
  }

  static List<Path> handAssembled() {
    return List.of(
        Fixtures.path(DIR + "aggregate-report.xml"),
        Fixtures.path(DIR + "empty-aggregate-report.xml"),
        Fixtures.path(DIR + "empty_multi_module/empty-appCoverage.xml"));
  }

  @ParameterizedTest
  @MethodSource("handAssembled")
  void whenTheReportCountersDisagreeWithItsGroupsTheReportWinsWithAWarning(Path file)
      throws Exception {
    // These fixtures were assembled by hand: e.g. aggregate-report.xml's report LINE counter is
    // 7593/9823 while its three module groups hold 28 lines.
    Document doc = dom(Fixtures.text(file));
    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(direct(doc.getDocumentElement(), "LINE"));
    assertThat(report.branches()).isEqualTo(direct(doc.getDocumentElement(), "BRANCH"));
    assertThat(report.functions()).contains(direct(doc.getDocumentElement(), "METHOD"));
    assertThat(report.warnings())
        .isNotEmpty()
        .allSatisfy(w -> assertThat(w).contains("groups/packages sum to", "report's counter"));
  }

  static List<Path> withoutLinesOrBranches() {
    return List.of(
        Fixtures.path(DIR + "empty-report.xml"),
        Fixtures.path(DIR + "empty_multi_module/empty-textCoverage.xml"),
        Fixtures.path(DIR + "reports/empty.xml"),
        Fixtures.path(DIR + "reports/only_session.xml"),
        Fixtures.path(DIR + "reports/only_counter.xml"),
        Fixtures.path(DIR + "reports/group/empty_group.xml"),
        Fixtures.path(DIR + "reports/group/group_with_counter.xml"),
        Fixtures.path(DIR + "reports/group/group_with_empty_package.xml"),
        Fixtures.path(DIR + "reports/group/group_with_group.xml"),
        Fixtures.path(DIR + "reports/group/group_with_package.xml"),
        Fixtures.path(DIR + "reports/package/empty_package.xml"),
        Fixtures.path(DIR + "reports/package/package_with_counter.xml"),
        Fixtures.path(DIR + "reports/package/class/class_with_counter.xml"),
        Fixtures.path(DIR + "reports/package/class/empty_class.xml"),
        Fixtures.path(DIR + "reports/package/sourcefile/empty_sourcefile.xml"),
        Fixtures.path(DIR + "reports/package/sourcefile/sourcefile_with_counter.xml"));
  }

  @ParameterizedTest
  @MethodSource("withoutLinesOrBranches")
  void reportsWithoutLineBranchOrMethodCountersAreZeroOfZero(Path file) throws Exception {
    // None of these holds a LINE, BRANCH or METHOD counter or a <line> anywhere.
    assertThat(Fixtures.text(file)).doesNotContain("\"LINE\"", "\"BRANCH\"", "\"METHOD\"", "<line");
    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(CoverageCount.NONE);
    assertThat(report.lines().ratio()).isEmpty();
    assertThat(report.branches()).isEqualTo(CoverageCount.NONE);
    assertThat(report.functions()).isEqualTo(Optional.of(CoverageCount.NONE));
  }

  @Test
  void countersOnlyOnAMethodAreFoundBySummingDown() throws Exception {
    Path file = Fixtures.path(DIR + "reports/package/class/only_method.xml");
    Document doc = dom(Fixtures.text(file));
    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(everywhere(doc, "LINE")).isNotEqualTo(CoverageCount.NONE);
    assertThat(report.warnings()).singleElement().asString().contains("summed");
  }

  @Test
  void sourceFileLinesAreCountedAsJacocoCountsThemWhenThereAreNoCounters() throws Exception {
    Path file = Fixtures.path(DIR + "reports/package/sourcefile/only_line.xml");
    Document doc = dom(Fixtures.text(file));
    long covered = 0;
    long missed = 0;
    long cb = 0;
    long mb = 0;
    NodeList lines = doc.getElementsByTagName("line");
    for (int i = 0; i < lines.getLength(); i++) {
      Element l = (Element) lines.item(i);
      long ci = attr(l, "ci");
      covered += ci > 0 ? 1 : 0; // JaCoCo: a line with a covered instruction is covered
      missed += ci == 0 && attr(l, "mi") > 0 ? 1 : 0;
      cb += attr(l, "cb");
      mb += attr(l, "mb");
    }
    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(new CoverageCount(covered, covered + missed));
    assertThat(report.branches()).isEqualTo(new CoverageCount(cb, cb + mb));
    assertThat(report.lines().total()).isPositive();
  }

  @Test
  void badCountersAreRefusedWithTheirLine() {
    String head =
        "<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\""
            + " \"report.dtd\">\n<report name=\"r\">\n";
    assertThatThrownBy(
            () ->
                reader.read(
                    Fixtures.stream(
                        head
                            + "<counter type=\"LINE\" missed=\"-1\" covered=\"2\"/>"
                            + "</report>"),
                    Path.of("j.xml")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("j.xml:3:")
        .hasMessageContaining("missed=\"-1\"> is not an integer");
    assertThatThrownBy(
            () ->
                reader.read(
                    Fixtures.stream(head + "<counter type=\"LINE\" missed=\"1\"/></report>"),
                    Path.of("j.xml")))
        .hasMessageContaining("has no covered");
    assertThatThrownBy(() -> reader.read(Fixtures.stream(head), Path.of("j.xml")))
        .hasMessageContaining("not well-formed XML");
    assertThatThrownBy(() -> reader.read(Fixtures.stream("<coverage/>"), Path.of("j.xml")))
        .hasMessageContaining("root element <coverage> is not JaCoCo's <report>");
  }

  @Test
  void hostileNestingIsRefusedBeforeItCostsMemory() {
    String deep = "<report name=\"r\">" + "<group name=\"g\">".repeat(100_000);
    assertThatThrownBy(() -> reader.read(Fixtures.stream(deep), Path.of("j.xml")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nested deeper than 256");
  }

  @Test
  void aDoctypeNamingAnHttpDtdIsNotFetched() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\""
            + " \"http://127.0.0.1:9/report.dtd\"><report name=\"r\">"
            + "<counter type=\"LINE\" missed=\"1\" covered=\"3\"/></report>";
    assertThat(reader.read(Fixtures.stream(xml), Path.of("j.xml")).lines())
        .isEqualTo(new CoverageCount(3, 4));
  }

  private static long attr(Element e, String name) {
    return e.getAttribute(name).isEmpty() ? 0 : Long.parseLong(e.getAttribute(name));
  }

  /** The {@code <counter type=..>} directly under {@code parent}, 0/0 when there is none. */
  static CoverageCount direct(Element parent, String type) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && e.getTagName().equals("counter")
          && e.getAttribute("type").equals(type)) {
        long covered = Long.parseLong(e.getAttribute("covered"));
        return new CoverageCount(covered, covered + Long.parseLong(e.getAttribute("missed")));
      }
    }
    return CoverageCount.NONE;
  }

  private static CoverageCount everywhere(Document doc, String type) {
    CoverageCount sum = CoverageCount.NONE;
    NodeList all = doc.getElementsByTagName("counter");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getAttribute("type").equals(type)) {
        long covered = Long.parseLong(e.getAttribute("covered"));
        sum =
            sum.plus(
                new CoverageCount(covered, covered + Long.parseLong(e.getAttribute("missed"))));
      }
    }
    return sum;
  }

  private static void removeDirectCounters(Element parent) {
    List<Node> counters = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("counter")) {
        counters.add(n);
      }
    }
    assertThat(counters).isNotEmpty();
    counters.forEach(parent::removeChild);
  }

  static Document dom(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static String xml(Document doc) throws Exception {
    StringWriter out = new StringWriter();
    TransformerFactory.newInstance()
        .newTransformer()
        .transform(new DOMSource(doc), new StreamResult(out));
    return out.toString();
  }
}
