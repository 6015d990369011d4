package dev.dxexporter.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.collect.tests.JUnitReportParser;
import dev.dxexporter.collect.tests.ReportFile;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports found on disk, through the collectors, into the real store and back out as samples: the
 * figures equal the tools' own summaries, the same bytes are stored once, a rewritten file is a new
 * report, and a new collector over the same store (a restart) shows the same without the files.
 */
class ReportIngestionTest {
  private static final Path SUREFIRE =
      Path.of(
          "src/test/resources/junit/action-junit-report/test_results/tests/utils/target/surefire-reports");
  private static final Path NEXTEST =
      Path.of("src/test/resources/junit/nextest/fixtures/fixture-project-junit.xml");
  private static final Path LLVM_COV =
      Path.of(
          "src/test/resources/coverage/lcov/cargo-llvm-cov/tests/fixtures/coverage-reports/virtual1");

  @TempDir Path tmp;
  private Store store;
  private final TestInsights insights = new TestInsights();
  private final IngestCounters counters = new IngestCounters();

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private Store store() {
    if (store == null) {
      store = SqliteStore.open(tmp.resolve("data"), StoreSettings.defaults());
    }
    return store;
  }

  private TestReportCollector tests(Path root, List<ReportSpec> reports) {
    return new TestReportCollector(
        "p",
        root,
        reports,
        Duration.ofDays(14),
        1L << 30,
        this::store,
        Clock.systemUTC(),
        insights,
        counters);
  }

  private static Map<String, Double> byKey(List<Sample> samples) {
    return samples.stream()
        .collect(
            Collectors.toMap(
                s -> s.family().name() + s.labels(), s -> ((Sample.Scalar) s).value()));
  }

  private static int attributeSum(Path dir, String attribute) throws Exception {
    Pattern p = Pattern.compile("<testsuite [^>]*\\b" + attribute + "=\"([0-9]+)\"");
    int sum = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Matcher m = p.matcher(Files.readString(f));
        while (m.find()) {
          sum += Integer.parseInt(m.group(1));
        }
      }
    }
    return sum;
  }

  private Path project() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("project"));
    Path reports = Files.createDirectories(root.resolve("target/surefire-reports"));
    try (Stream<Path> files = Files.list(SUREFIRE)) {
      for (Path f : files.toList()) {
        Files.copy(f, reports.resolve(f.getFileName()));
      }
    }
    return root;
  }

  @Test
  void aSurefireDirectoryIsOneReportWhoseCountsAreSurefiresOwn() throws Exception {
    Path root = project();
    TestReportCollector collector = tests(root, TestReportSourceDefaults.ZERO);
    Map<String, Double> m = byKey(collector.collect());
    int tests = attributeSum(SUREFIRE, "tests");
    int failures = attributeSum(SUREFIRE, "failures");
    int errors = attributeSum(SUREFIRE, "errors");
    int skipped = attributeSum(SUREFIRE, "skipped");
    assertThat(m)
        .containsEntry("dx_tests{project=p, report=surefire, result=failed}", (double) failures)
        .containsEntry("dx_tests{project=p, report=surefire, result=errored}", (double) errors)
        .containsEntry("dx_tests{project=p, report=surefire, result=skipped}", (double) skipped)
        .containsEntry(
            "dx_tests{project=p, report=surefire, result=passed}",
            (double) (tests - failures - errors - skipped))
        .containsEntry("dx_tests{project=p, report=surefire, result=flaky}", 0.0)
        .containsEntry(
            "dx_reports_ingested_total{outcome=stored, project=p, source=tests, via=file}", 1.0);
    // Surefire writes no timestamps: the wall time is the sum of the classes' own times.
    assertThat(m.get("dx_tests_duration_seconds{project=p, report=surefire}"))
        .isCloseTo(0.038, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.keySet())
        .anyMatch(k -> k.contains("suite=action.surefire.report.calc.StringUtilsTest"));

    // The same bytes again: nothing new is stored.
    assertThat(byKey(collector.collect()))
        .containsEntry(
            "dx_reports_ingested_total{outcome=stored, project=p, source=tests, via=file}", 1.0);
    // A file rewritten in place (a new run): a new report, and the latest counts are its own.
    Path ok =
        root.resolve("target/surefire-reports/TEST-action.surefire.report.calc.AllOkTest.xml");
    Files.writeString(ok, Files.readString(ok).replace("tests=\"1\"", "tests=\"1\" "));
    Map<String, Double> again = byKey(collector.collect());
    assertThat(again)
        .containsEntry(
            "dx_reports_ingested_total{outcome=stored, project=p, source=tests, via=file}", 2.0)
        .containsEntry("dx_tests_window_reports{project=p}", 2.0);

    // A restart: a new collector over the same store, the files gone, shows the same results.
    Files.walk(root.resolve("target"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    Map<String, Double> restarted = byKey(tests(root, TestReportSourceDefaults.ZERO).collect());
    assertThat(restarted)
        .containsEntry("dx_tests{project=p, report=surefire, result=failed}", (double) failures)
        .containsEntry("dx_tests_window_reports{project=p}", 2.0);
  }

  @Test
  void aNextestRetryIsFlakyAndNamed() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("rust"));
    Files.createDirectories(root.resolve("target/nextest/ci"));
    Files.copy(NEXTEST, root.resolve("target/nextest/ci/junit.xml"));
    ReportFile expected =
        new JUnitReportParser()
            .parse(NEXTEST, new dev.dxexporter.collect.input.BoundedFiles(), c -> {});
    Map<String, Double> m = byKey(tests(root, TestReportSourceDefaults.ZERO).collect());
    assertThat(expected.counts().flaky()).isPositive();
    assertThat(m)
        .containsEntry(
            "dx_tests{project=p, report=nextest, result=flaky}", (double) expected.counts().flaky())
        .containsEntry(
            "dx_tests{project=p, report=nextest, result=failed}",
            (double) expected.counts().failed())
        .containsEntry(
            "dx_tests{project=p, report=nextest, result=passed}",
            (double) expected.counts().passed());
    // nextest's <testsuites time> is the run's wall time.
    assertThat(m.get("dx_tests_duration_seconds{project=p, report=nextest}")).isEqualTo(0.023);
    // The flaky case by name: the one whose <testcase> holds flakyFailure and no failure.
    String xml = Files.readString(NEXTEST);
    Matcher c =
        Pattern.compile(
                "<testcase name=\"([^\"]+)\"[^>]*>((?:(?!</testcase>).)*)</testcase>",
                Pattern.DOTALL)
            .matcher(xml);
    List<String> flaky = new ArrayList<>();
    while (c.find()) {
      if (c.group(2).contains("<flakyFailure") && !c.group(2).contains("<failure")) {
        flaky.add(c.group(1));
      }
    }
    assertThat(flaky).isNotEmpty();
    assertThat(insights.of("p").orElseThrow().flaky())
        .extracting(dev.dxexporter.store.FlakyTest::testName)
        .containsExactlyInAnyOrderElementsOf(flaky);
    assertThat(m.get("dx_tests_flaky_ratio{project=p}"))
        .isEqualTo((double) flaky.size() / expected.counts().total());
  }

  @Test
  void lcovFromCargoLlvmCovEqualsItsJsonTotals() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("cov"));
    Files.createDirectories(root.resolve("coverage"));
    Files.copy(LLVM_COV.resolve("package1.lcov.info"), root.resolve("coverage/lcov.info"));
    JsonNode totals =
        new ObjectMapper()
            .readTree(LLVM_COV.resolve("package1.json").toFile())
            .path("data")
            .get(0)
            .path("totals");
    CoverageCollector coverage =
        new CoverageCollector(
            "p",
            root,
            TestReportSourceDefaults.COVERAGE,
            1L << 30,
            this::store,
            Clock.systemUTC(),
            counters);
    Map<String, Double> m = byKey(coverage.collect());
    long covered = totals.path("lines").path("covered").asLong();
    long count = totals.path("lines").path("count").asLong();
    assertThat(m)
        .containsEntry("dx_coverage_covered{kind=line, project=p, report=lcov}", (double) covered)
        .containsEntry(
            "dx_coverage_instrumented{kind=line, project=p, report=lcov}", (double) count)
        .containsEntry(
            "dx_coverage_ratio{kind=line, project=p, report=lcov}", (double) covered / count);
    // No branches in this report: counts 0/0 and no ratio (never NaN).
    assertThat(m)
        .containsEntry("dx_coverage_instrumented{kind=branch, project=p, report=lcov}", 0.0);
    assertThat(m).doesNotContainKey("dx_coverage_ratio{kind=branch, project=p, report=lcov}");
  }

  @Test
  void aBrokenReportIsCountedAndTheOthersAreStillTakenIn() throws Exception {
    Path root = project();
    Files.writeString(
        root.resolve("target/surefire-reports/TEST-broken.xml"), "<testsuite><testcase name=");
    Map<String, Double> m = byKey(tests(root, TestReportSourceDefaults.ZERO).collect());
    int tests = attributeSum(SUREFIRE, "tests");
    assertThat(
            m.entrySet().stream()
                .filter(e -> e.getKey().startsWith("dx_tests{"))
                .mapToDouble(Map.Entry::getValue)
                .sum())
        .isEqualTo(tests);
  }
}
