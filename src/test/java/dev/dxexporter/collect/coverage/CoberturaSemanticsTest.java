package dev.dxexporter.collect.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Cobertura counting rules and refusals, each on a small hand-written report. */
class CoberturaSemanticsTest {
  private static final Path NAME = Path.of("c.xml");
  private final CoberturaReader reader = new CoberturaReader();

  private CoverageReport read(String xml) throws InputException {
    return reader.read(Fixtures.stream(xml), NAME);
  }

  private static String classes(String body) {
    return "<?xml version=\"1.0\"?>\n<coverage>\n<packages><package name=\"p\"><classes>\n"
        + body
        + "\n</classes></package></packages>\n</coverage>\n";
  }

  @Test
  void methodLinesRepeatTheClassLinesAndAreNotCounted() throws Exception {
    CoverageReport r =
        read(
            classes(
                "<class filename=\"a.py\"><methods><method name=\"f\"><lines>"
                    + "<line number=\"9\" hits=\"1\"/></lines></method></methods>"
                    + "<lines><line number=\"1\" hits=\"1\"/><line number=\"2\" hits=\"0\"/>"
                    + "</lines></class>"));
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 2));
  }

  @Test
  void aLineListedByTwoClassesOfOneFileCountsOnce() throws Exception {
    // coverlet writes compiler-generated classes (lambdas, async state machines) of one file.
    CoverageReport r =
        read(
            classes(
                "<class name=\"A\" filename=\"A.cs\"><lines><line number=\"1\" hits=\"0\"/>"
                    + "<line number=\"2\" hits=\"0\" branch=\"true\" condition-coverage=\"0%"
                    + " (0/2)\"/></lines></class>"
                    + "<class name=\"A/&lt;&gt;c\" filename=\"A.cs\"><lines>"
                    + "<line number=\"1\" hits=\"3\"/><line number=\"2\" hits=\"1\""
                    + " branch=\"true\" condition-coverage=\"50% (1/2)\"/></lines></class>"
                    + "<class name=\"B\" filename=\"B.cs\"><lines><line number=\"1\" hits=\"0\"/>"
                    + "</lines></class>"));
    assertThat(r.lines()).isEqualTo(new CoverageCount(2, 3));
    assertThat(r.branches()).isEqualTo(new CoverageCount(1, 2));
    assertThat(r.files()).isEqualTo(2);
  }

  @Test
  void rootTotalsThatDisagreeWithTheLinesGiveAWarning() throws Exception {
    String xml =
        classes("<class filename=\"a\"><lines><line number=\"1\" hits=\"1\"/></lines></class>")
            .replace("<coverage>", "<coverage lines-covered=\"7\" lines-valid=\"9\">");
    CoverageReport r = read(xml);
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 1));
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .startsWith("c.xml:2: ")
        .contains("root says 7/9 lines but the lines count 1/1");
  }

  @Test
  void aSummaryOnlyReportUsesItsRootCounts() throws Exception {
    CoverageReport r =
        read(
            "<coverage line-rate=\"0.5\" lines-covered=\"5\" lines-valid=\"10\""
                + " branches-covered=\"0\" branches-valid=\"0\"><packages/></coverage>");
    assertThat(r.lines()).isEqualTo(new CoverageCount(5, 10));
    assertThat(r.branches().ratio()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("root's lines totals are used");
  }

  @Test
  void anEmptyReportIsZeroOfZeroWithNoRatio() throws Exception {
    CoverageReport r = read("<coverage line-rate=\"1\" branch-rate=\"1\"><packages/></coverage>");
    assertThat(r.lines()).isEqualTo(CoverageCount.NONE);
    assertThat(r.lines().ratio()).isEmpty();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void unusableRootValuesAreIgnoredWithAWarning() throws Exception {
    CoverageReport r =
        read(
            classes("<class filename=\"a\"><lines><line number=\"1\" hits=\"1\"/></lines></class>")
                .replace(
                    "<coverage>",
                    "<coverage line-rate=\"NaN\" branch-rate=\"1.5\" lines-valid=\"-2\">"));
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 1));
    assertThat(r.warnings())
        .hasSize(3)
        .anySatisfy(w -> assertThat(w).contains("line-rate=\"NaN\" ignored"))
        .anySatisfy(w -> assertThat(w).contains("branch-rate=\"1.5\" ignored"))
        .anySatisfy(w -> assertThat(w).contains("lines-valid=\"-2\" ignored"));
  }

  @Test
  void oddHitsAndConditionCoverage() throws Exception {
    CoverageReport r =
        read(
            classes(
                "<class filename=\"a\"><lines><line number=\"1\" hits=\"2.0\"/>"
                    + "<line number=\"2\" hits=\"-4\"/>"
                    + "<line number=\"3\" hits=\"1\" branch=\"true\" condition-coverage=\"100%\"/>"
                    + "<line number=\"4\" hits=\"1\" branch=\"True\""
                    + " condition-coverage=\"33.33% (1/3)\"/></lines></class>"));
    assertThat(r.lines()).isEqualTo(new CoverageCount(3, 4));
    assertThat(r.branches()).isEqualTo(new CoverageCount(1, 3));
    assertThat(r.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).startsWith("c.xml:4:").contains("negative hits"))
        .anySatisfy(w -> assertThat(w).contains("without counts"));
  }

  @Test
  void aDoctypeWithAnInternalSubsetAsXcodeToolsWriteItIsRead() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage SYSTEM"
            + " \"http://127.0.0.1:9/coverage-04.dtd\" [\n"
            + "  <!ELEMENT coverage (sources?, packages)>\n"
            + "  <!ATTLIST line condition-coverage CDATA \"100%\">\n]>\n"
            + classes(
                    "<class filename=\"a\"><lines><line number=\"1\" hits=\"1\"/></lines></class>")
                .substring("<?xml version=\"1.0\"?>\n".length());
    assertThat(read(xml).lines()).isEqualTo(new CoverageCount(1, 1));
  }

  @Test
  void badInputIsRefusedWithItsLocation() {
    assertThatThrownBy(() -> read("<coverage>\n<packages>\n<package>\n"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("c.xml:")
        .hasMessageContaining("not well-formed XML");
    assertThatThrownBy(() -> read("<testsuites/>"))
        .hasMessageContaining("root element <testsuites> is not Cobertura's <coverage>");
    assertThatThrownBy(
            () -> read("<coverage clover=\"4.4.1\" generated=\"1\"><project/></coverage>"))
        .hasMessageContaining("Clover");
    assertThatThrownBy(
            () ->
                read(
                    classes(
                        "<class filename=\"a\"><lines>\n<line number=\"1\" hits=\"x\"/>"
                            + "</lines></class>")))
        .hasMessageStartingWith("c.xml:5:")
        .hasMessageContaining("hits=\"x\"> is not a finite number");
    assertThatThrownBy(
            () -> read(classes("<class filename=\"a\"><lines><line hits=\"1\"/></lines></class>")))
        .hasMessageContaining("<line> has no number");
    assertThatThrownBy(
            () ->
                read(
                    classes(
                        "<class filename=\"a\"><lines><line number=\"1\" hits=\"1\" branch=\"true\""
                            + " condition-coverage=\"150% (3/2)\"/></lines></class>")))
        .hasMessageContaining("more covered than total");
  }

  @Test
  void aHostileLineNumberIsRefusedByTheDetailBudgetWithItsLocation() {
    CoberturaReader small =
        new CoberturaReader(new dev.dxexporter.collect.input.SecureXml(), 1024 * 1024);
    String xml =
        classes(
            "<class filename=\"a\"><lines>\n<line number=\"2000000000\" hits=\"1\"/>"
                + "</lines></class>");
    assertThatThrownBy(() -> small.read(Fixtures.stream(xml), NAME))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("c.xml:5:")
        .hasMessageContaining("budget");
  }

  @Test
  void anExternalEntityIsNeverRead() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE coverage [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<coverage><packages><package name=\"&x;\"/></packages></coverage>";
    assertThatThrownBy(() -> read(xml))
        .isInstanceOf(InputException.class)
        .hasMessageNotContaining("root:");
  }
}
