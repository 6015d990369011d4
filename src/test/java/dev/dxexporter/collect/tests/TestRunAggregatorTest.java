package dev.dxexporter.collect.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dxexporter.collect.input.BoundedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several files of one run: counts add up, the wall time follows each writer's rule. */
class TestRunAggregatorTest {
  private final JUnitReports reports =
      new JUnitReports(new JUnitReportParser(), new BoundedFiles(64L * 1024 * 1024));

  @Test
  void gradleDirectoryWallTimeIsTheSpanOfItsTimestamps() throws Exception {
    Path dir = Fixtures.path("OOP24-sth/app/build/test-results/test");
    List<TestCase> cases = new ArrayList<>();
    TestRun run = reports.read(dir, cases::add);
    assertThat(run.files()).isEqualTo(5);
    assertThat(run.counts().total()).isEqualTo(cases.size()).isEqualTo(8);
    assertThat(run.wall().source()).isEqualTo(WallTime.Source.TIMESTAMP_SPAN);
    // the files' own timestamp + time attributes: first start 09:48:06.257 (AppTest), last end
    // 09:48:06.389 + 0.175 (EntityTest)
    Instant first = Instant.parse("2025-06-19T09:48:06.257Z");
    Instant last = Instant.parse("2025-06-19T09:48:06.389Z").plusMillis(175);
    assertThat(run.wall().seconds())
        .isCloseTo((last.toEpochMilli() - first.toEpochMilli()) / 1000.0, within(1e-9));
    assertThat(run.start()).isEqualTo(first);
    // the span includes the gaps between classes, so it is not the sum of the suite times
    assertThat(run.wall().seconds())
        .isGreaterThan(run.suites().stream().mapToDouble(SuiteTime::seconds).max().orElseThrow());
    assertThat(run.dialects()).containsEntry(JUnitDialect.GRADLE, 5);
  }

  @Test
  void surefireDirectoryWithoutTimestampsSumsItsFiles() throws Exception {
    Path dir =
        Fixtures.path("action-junit-report/test_results/tests/utils/target/surefire-reports");
    TestRun run = reports.read(dir, c -> {});
    assertThat(run.files()).isEqualTo(3);
    assertThat(run.wall().source()).isEqualTo(WallTime.Source.SUITE_SUM);
    assertThat(run.wall().seconds())
        .isCloseTo(run.suites().stream().mapToDouble(SuiteTime::seconds).sum(), within(1e-9));
  }

  @Test
  void nextestRunTakesTheRootTotalNotTheSumOfItsParallelCases() throws Exception {
    Path file = Fixtures.path("action-junit-report/test_results/nextest/basic.xml");
    TestRun run = reports.read(file, c -> {});
    assertThat(run.wall().source()).isEqualTo(WallTime.Source.ROOT_TIME);
    String root = Files.readString(file);
    double rootTime =
        Double.parseDouble(root.replaceAll("(?s).*?<testsuites[^>]* time=\"([^\"]+)\".*", "$1"));
    assertThat(run.wall().seconds()).isEqualTo(rootTime);
    assertThat(run.caseSeconds()).isGreaterThan(run.wall().seconds()); // parallel cases
  }

  @Test
  void goPackagesWithoutTimestampsRunInParallel() throws Exception {
    TestRunAggregator run = new TestRunAggregator();
    run.add(goFile(3.0)).add(goFile(5.0));
    assertThat(run.run().wall()).isEqualTo(new WallTime(5.0, WallTime.Source.PARALLEL_MAX));
  }

  @Test
  void anUnreadableFileIsRecordedAndTheOthersCount(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("TEST-a.xml"), "<testsuite time=\"2\"><testcase/></testsuite>");
    Files.writeString(dir.resolve("TEST-b.xml"), "<testsuite><testcase>");
    Files.writeString(dir.resolve("failsafe-summary.xml"), "<failsafe-summary/>");
    TestRun run = reports.read(dir, c -> {});
    assertThat(run.files()).isEqualTo(2);
    assertThat(run.counts().passed()).isEqualTo(1);
    assertThat(run.unreadable())
        .singleElement()
        .asString()
        .startsWith(dir.resolve("TEST-b.xml") + ":1:");
    assertThat(run.wall()).isEqualTo(new WallTime(2, WallTime.Source.SUITE_SUM));
  }

  private static ReportFile goFile(double seconds) {
    return new ReportFile(
        Path.of("go.xml"),
        JUnitDialect.GO_JUNIT_REPORT,
        TestCounts.NONE.plus(TestResult.PASSED),
        List.of(),
        0,
        -1,
        null,
        TopLevelTimes.NONE.plus(seconds, null),
        seconds,
        List.of(),
        0);
  }
}
