package dev.dxexporter.collect.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reruns, case by case, as the fixtures' sources describe them (see {@code
 * ../shared/fixtures/README.md}, "Coverage of the requested cases"): Surefire's {@code
 * flakyFailure} / {@code flakyError} without a {@code failure} is a test that failed and then
 * passed on a rerun (flaky); a {@code failure} with {@code rerunFailure}s failed on every attempt;
 * nextest writes the same elements; quick-junit's {@code testcase7} is "passed on attempt 4/4 but
 * is configured to fail when flaky" (its {@code failure} decides). Retries = the retry elements.
 */
class RetryFixturesTest {
  static Stream<Arguments> cases() {
    String surefire = "maven-surefire/surefire-report-parser/src/test/resources/fixture/";
    String jenkins = "junit-plugin/src/test/resources/hudson/tasks/junit/gh-237/";
    String quick = "quick-junit/crates/quick-junit-tests/tests/fixtures/basic_report.xml";
    return Stream.of(
        Arguments.of(
            surefire + "testsuitexmlparser/TEST-org.acme.FlakyTest.xml",
            "testFlaky",
            TestResult.FLAKY,
            4),
        Arguments.of(
            surefire + "testsuitexmlparser/TEST-org.acme.FlakyTest.xml",
            "testStable",
            TestResult.PASSED,
            0),
        Arguments.of(jenkins + "TEST-io.olamy.FlakyTest.xml", "testApp", TestResult.FLAKY, 2),
        Arguments.of(jenkins + "TEST-io.olamy.AlwaysFailTest.xml", "testApp", TestResult.FAILED, 3),
        Arguments.of(
            "nextest/fixtures/fixture-project-junit.xml", "test_cwd", TestResult.PASSED, 0),
        Arguments.of(
            "nextest/fixtures/fixture-project-junit.xml",
            "test_failure_assert",
            TestResult.FAILED,
            2),
        Arguments.of(
            "nextest/fixtures/fixture-project-junit.xml", "test_flaky_mod_4", TestResult.FLAKY, 3),
        Arguments.of(quick, "testcase4", TestResult.FLAKY, 2),
        Arguments.of(quick, "testcase5", TestResult.FAILED, 2),
        Arguments.of(quick, "testcase7", TestResult.FAILED, 2),
        Arguments.of(
            "allure2/plugins/junit-xml-plugin/src/test/resources/junitdata/TEST-test.RetryTest.xml",
            "searchTest",
            TestResult.ERRORED,
            3),
        Arguments.of(
            "action-junit-report/test_results/maven_surefire_flaky/surefire-report.xml",
            "createWebhook",
            TestResult.FLAKY,
            1),
        Arguments.of(
            "action-junit-report/test_results/junit_flaky_failure/marathon_junit_report.xml",
            "testFlakyFailure",
            TestResult.FLAKY,
            1));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void retriedCase(String file, String name, TestResult result, int retries) throws Exception {
    List<TestCase> matching =
        Fixtures.parse(Fixtures.path(file)).cases().stream()
            .filter(c -> c.name().equals(name))
            .toList();
    assertThat(matching).hasSize(1);
    TestCase c = matching.get(0);
    assertThat(c.result()).isEqualTo(result);
    assertThat(c.retries()).isEqualTo(retries);
    if (result == TestResult.PASSED) {
      assertThat(c.message()).isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flakyFiles")
  void flakyCasesKeepTheFirstFailuresMessage(String file, String name, String message)
      throws Exception {
    TestCase c =
        Fixtures.parse(Fixtures.path(file)).cases().stream()
            .filter(x -> x.name().equals(name))
            .findFirst()
            .orElseThrow();
    assertThat(c.message()).isEqualTo(message);
  }

  static Stream<Arguments> flakyFiles() {
    return Stream.of(
        // the message attribute of the first flakyFailure
        Arguments.of(
            "junit-plugin/src/test/resources/hudson/tasks/junit/gh-237/TEST-io.olamy.FlakyTest.xml",
            "testApp",
            "obvious fail"),
        // no message attribute: the first line of the element's own text
        Arguments.of(
            "nextest/fixtures/fixture-project-junit.xml",
            "test_flaky_mod_4",
            "thread 'test_flaky_mod_4' panicked at tests/basic.rs:43:9:"));
  }
}
