package dev.dxexporter.collect.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dorny/test-reporter's inputs against its expected results: every case of every report in its Jest
 * snapshots (name, result, time in ms), and the passed / failed / skipped counts of every report in
 * its rendered summaries ({@code __outputs__/*.md}). test-reporter has no flaky or errored result:
 * its {@code success} is our passed or flaky, its {@code failed} our failed or errored. Its
 * nette-tester parser rewrites case names for display (class, file and method joined), so for those
 * reports the names are not compared, only each case's result and time. Names are compared with
 * whitespace runs collapsed and trimmed: test-reporter keeps the raw line breaks of a {@code
 * name="..."} attribute and trims it, while XML attribute-value normalisation (which StAX applies)
 * turns each line break into a space.
 */
class TestReporterFixturesTest {
  private static final String DIR = "test-reporter/__tests__/";
  private static final Pattern SUMMARY_ROW =
      Pattern.compile(
          "^\\|\\[(fixtures/[^\\]]+)\\]\\(#user-content-r\\d+\\)\\|(?:(\\d+) ✅)?\\|(?:(\\d+) ❌)?\\|(?:(\\d+) ⚪)?\\|.*");

  static Stream<Arguments> snapshotReports() {
    List<Arguments> all = new ArrayList<>();
    for (Path snap : Fixtures.files(DIR + "__snapshots__", n -> n.endsWith(".snap"))) {
      for (JestSnapshot.Report report : JestSnapshot.reports(Fixtures.read(snap))) {
        all.add(Arguments.of(report.path(), report));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snapshotReports")
  void casesMatchTheSnapshot(String path, JestSnapshot.Report report) throws Exception {
    boolean renamed = path.startsWith("fixtures/nette-tester/");
    List<JestSnapshot.Case> ours = new ArrayList<>();
    for (TestCase c : Fixtures.parse(Fixtures.path(DIR + path)).cases()) {
      String name = renamed ? "" : collapse(c.name());
      ours.add(new JestSnapshot.Case(name, label(c.result()), Math.round(c.seconds() * 1000)));
    }
    List<JestSnapshot.Case> expected =
        report.cases().stream()
            .map(
                e ->
                    new JestSnapshot.Case(
                        renamed ? "" : collapse(e.name()), e.result(), e.millis()))
            .toList();
    assertThat(expected).isNotEmpty();
    // test-reporter groups a suite's cases by class name; the order within a group is kept
    assertThat(ours).containsExactlyInAnyOrderElementsOf(expected);
  }

  static Stream<Arguments> summaryRows() {
    List<Arguments> all = new ArrayList<>();
    for (Path md : Fixtures.files(DIR + "__outputs__", n -> n.endsWith(".md"))) {
      for (String line : Fixtures.read(md).split("\n")) {
        Matcher row = SUMMARY_ROW.matcher(line);
        if (row.matches()) {
          all.add(
              Arguments.of(
                  md.getFileName() + ": " + row.group(1),
                  row.group(1),
                  new int[] {count(row.group(2)), count(row.group(3)), count(row.group(4))}));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("summaryRows")
  void countsMatchTheRenderedSummary(String label, String path, int[] passedFailedSkipped)
      throws Exception {
    TestCounts counts = Fixtures.parse(Fixtures.path(DIR + path)).file().counts();
    assertThat(
            new int[] {
              counts.passed() + counts.flaky(), counts.failed() + counts.errored(), counts.skipped()
            })
        .containsExactly(passedFailedSkipped);
  }

  private static String collapse(String name) {
    return name.replaceAll("\\s+", " ").strip();
  }

  private static int count(String group) {
    return group == null ? 0 : Integer.parseInt(group);
  }

  private static String label(TestResult result) {
    return switch (result) {
      case PASSED, FLAKY -> "success";
      case FAILED, ERRORED -> "failed";
      case SKIPPED -> "skipped";
    };
  }
}
