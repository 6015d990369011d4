package dev.dxexporter.collect.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every publish-unit-test-result-action input against the action's own expected results: the
 * per-case list of {@code X.results}, the {@code stats} of {@code X.results.json}, and {@code
 * X.exception} for input it rejects.
 *
 * <p>Mapping: its {@code success}, {@code failure}, {@code error}, {@code skipped} are our passed,
 * failed, errored, skipped; its {@code disabled} (tst's {@code status="disabled"}) is our skipped.
 * Its {@code tests_*} stats count distinct (class, name) pairs, a pair being error if any of its
 * cases errored, else failure if any failed, else success if any passed, else skipped; we count
 * every case, so the stats are compared after the same grouping (cases without a name are not
 * grouped, as there; its case list leaves them out, so the case comparison does too, but they
 * count). A file without any testcase ({@code no-cases-but-tests.xml}) gets its stats from the
 * suites' {@code tests=} / {@code failures=} attributes there; we count cases, so that file has 0
 * (its {@code .results} lists no case, which the first test checks). Its {@code runs_*} stats count
 * result elements (a case with skipped + failure is one run skipped and one failed, and {@code
 * runs_succ} can go negative): not comparable, and deliberately not our semantics.
 */
class PublishUnitTestResultFixturesTest {
  private static final String DIR = "publish-unit-test-result-action/python/test/files";

  static Stream<Path> withResults() {
    return Fixtures.files(DIR, n -> n.endsWith(".xml")).stream()
        .filter(p -> Files.exists(sibling(p, ".results")))
        .filter(p -> !Files.exists(sibling(p, ".exception")));
  }

  static Stream<Path> withException() {
    return Fixtures.files(DIR, n -> n.endsWith(".xml")).stream()
        .filter(p -> Files.exists(sibling(p, ".exception")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withResults")
  void casesMatchTheActionsResults(Path xml) throws Exception {
    List<Map<String, String>> expected =
        PythonRepr.unitTestCases(Fixtures.read(sibling(xml, ".results")));
    // the action leaves cases without a name out of its list (but counts them in its stats)
    List<TestCase> cases =
        Fixtures.parse(xml).cases().stream().filter(c -> !c.name().isEmpty()).toList();

    assertThat(cases).hasSameSizeAs(expected);
    for (int i = 0; i < cases.size(); i++) {
      TestCase actual = cases.get(i);
      Map<String, String> want = expected.get(i);
      String label = Fixtures.name(xml) + " case " + i + " " + want.get("test_name");
      assertThat(actual.name()).as(label).isEqualTo(orEmpty(want.get("test_name")));
      assertThat(actual.className()).as(label).isEqualTo(orEmpty(want.get("class_name")));
      assertThat(actual.result()).as(label).isEqualTo(result(want.get("result")));
      double time = want.get("time") == null ? 0 : Double.parseDouble(want.get("time"));
      assertThat(actual.seconds()).as(label).isCloseTo(time, within(1e-9));
      if (actual.result() != TestResult.PASSED && want.get("message") != null) {
        assertThat(want.get("message").strip()).as(label).startsWith(actual.message());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withResults")
  void statsMatchTheActionsCheckRunOutput(Path xml) throws Exception {
    JsonNode stats =
        new ObjectMapper().readTree(sibling(xml, ".results.json").toFile()).get("stats");
    List<TestCase> cases = Fixtures.parse(xml).cases();
    if (cases.isEmpty()) {
      // the action's stats come from the suites' tests= attributes here; we count cases
      assertThat(PythonRepr.unitTestCases(Fixtures.read(sibling(xml, ".results")))).isEmpty();
      return;
    }
    Map<String, Set<TestResult>> tests = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      TestCase c = cases.get(i);
      String key = c.name().isEmpty() ? "unnamed " + i : c.className() + "\u0000" + c.name();
      tests.computeIfAbsent(key, k -> EnumSet.noneOf(TestResult.class)).add(c.result());
    }
    int succ = 0, skip = 0, fail = 0, error = 0;
    for (Set<TestResult> results : tests.values()) {
      if (results.contains(TestResult.ERRORED)) {
        error++;
      } else if (results.contains(TestResult.FAILED)) {
        fail++;
      } else if (results.contains(TestResult.PASSED) || results.contains(TestResult.FLAKY)) {
        succ++;
      } else {
        skip++;
      }
    }
    assertThat(tests).hasSize(stats.get("tests").asInt());
    assertThat(new int[] {succ, skip, fail, error})
        .as(Fixtures.name(xml))
        .containsExactly(
            stats.get("tests_succ").asInt(),
            stats.get("tests_skip").asInt(),
            stats.get("tests_fail").asInt(),
            stats.get("tests_error").asInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withException")
  void rejectsWhatTheActionRejects(Path xml) {
    assertThatThrownBy(() -> Fixtures.parse(xml))
        .isInstanceOf(InputException.class)
        .satisfies(
            e -> {
              InputException error = (InputException) e;
              assertThat(error.file()).isEqualTo(xml);
              assertThat(error.line()).as(error.getMessage()).isPositive();
            });
  }

  private static TestResult result(String name) {
    return switch (name) {
      case "success" -> TestResult.PASSED;
      case "failure" -> TestResult.FAILED;
      case "error" -> TestResult.ERRORED;
      case "skipped", "disabled" -> TestResult.SKIPPED;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static Path sibling(Path xml, String suffix) {
    String name = xml.getFileName().toString();
    return xml.resolveSibling(name.substring(0, name.length() - ".xml".length()) + suffix);
  }
}
