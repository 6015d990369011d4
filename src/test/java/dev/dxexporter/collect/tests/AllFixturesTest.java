package dev.dxexporter.collect.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every XML file among the fixtures (with or without expected results): it parses, its cases are
 * partitioned by the counts, suites and cases agree; or, for the files the fixtures' README lists
 * as not well-formed or not JUnit, it fails with an error that names the file and a line.
 */
class AllFixturesTest {
  /** The known-broken files (../shared/fixtures/README.md, section 1) and why each is refused. */
  static final Map<String, String> BROKEN =
      Map.ofEntries(
          Map.entry(
              "action-junit-report/test_results/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml",
              "must start and end within the same entity"),
          Map.entry(
              "action-junit-report/test_results/junit-web-test/expected.xml",
              "must not contain the '<' character"),
          Map.entry(
              "action-junit-report/test_results/junit-web-test/expectedRetries.xml",
              "must not contain the '<' character"),
          Map.entry(
              "allure2/plugins/junit-xml-plugin/src/test/resources/junitdata/invalid.xml",
              "not a JUnit XML report: the root element is <test-suite>"),
          Map.entry(
              "junit-plugin/src/test/resources/hudson/tasks/junit/testXxe-oob.xml",
              "not well-formed XML"),
          Map.entry(
              "junit-plugin/src/test/resources/hudson/tasks/junit/testXxe-xxe.xml",
              "not a JUnit XML report: the root element is <r>"),
          Map.entry(
              "maven-surefire/surefire-report-parser/src/test/resources/fixture/testsuitexmlparser/failsafe-summary-old.xml",
              "the root element is <failsafe-summary>"),
          Map.entry(
              "maven-surefire/surefire-report-parser/src/test/resources/fixture/testsuitexmlparser/failsafe-summary.xml",
              "the root element is <failsafe-summary>"),
          Map.entry(
              "node/test/fixtures/test-runner/output/junit_empty_diagnostic.snapshot",
              "must be terminated by the matching end-tag"),
          Map.entry(
              "publish-unit-test-result-action/python/test/files/junit-xml/non-junit.xml",
              "the root element is <suites>"),
          Map.entry(
              "publish-unit-test-result-action/python/test/files/junit-xml/pytest/corrupt-xml.xml",
              "must start and end within the same entity"),
          Map.entry(
              "publish-unit-test-result-action/python/test/files/xml/empty.xml",
              "Premature end of file"),
          Map.entry(
              "publish-unit-test-result-action/python/test/files/xml/non-xml.xml",
              "Content is not allowed in prolog"));

  private static final Set<String> REPORT_SUFFIXES = Set.of(".xml", ".golden", ".snapshot");

  static Stream<Path> allReports() {
    return Fixtures.files("", n -> REPORT_SUFFIXES.stream().anyMatch(n::endsWith)).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allReports")
  void parsesOrFailsWithALocatedError(Path file) throws Exception {
    String name = Fixtures.name(file);
    if (BROKEN.containsKey(name)) {
      assertThatThrownBy(() -> Fixtures.parse(file))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(file + ":")
          .hasMessageContaining(BROKEN.get(name))
          .satisfies(e -> assertThat(((InputException) e).line()).isPositive());
      return;
    }
    Fixtures.Parsed parsed = Fixtures.parse(file);
    ReportFile report = parsed.file();
    List<TestCase> cases = parsed.cases();
    TestCounts counts = report.counts();
    assertThat(counts.total()).isEqualTo(cases.size());
    for (TestResult result : TestResult.values()) {
      assertThat(counts.of(result))
          .as(result.label())
          .isEqualTo(cases.stream().filter(c -> c.result() == result).count());
    }
    int topLevelCases =
        report.suites().stream().filter(s -> s.depth() == 0).mapToInt(SuiteTime::cases).sum();
    long bareCases =
        cases.stream().filter(c -> c.suite().isEmpty() && !inNamelessSuite(report)).count();
    assertThat(topLevelCases + bareCases).isEqualTo(cases.size());
    assertThat(cases)
        .allSatisfy(
            c -> {
              assertThat(c.seconds()).isBetween(0.0, ReportValues.MAX_SECONDS);
              assertThat(c.retries()).isNotNegative();
              if (c.message() != null) {
                assertThat(c.message().length()).isLessThanOrEqualTo(TestCase.MESSAGE_LIMIT);
                assertThat(c.result()).isNotEqualTo(TestResult.PASSED);
              }
            });
    WallTime wall = report.wallTime();
    assertThat(wall.seconds()).isFinite().isNotNegative();
    assertThat(report.suitesOmitted()).isZero();
  }

  private static boolean inNamelessSuite(ReportFile report) {
    return report.suites().stream().anyMatch(s -> s.name().isEmpty());
  }
}
