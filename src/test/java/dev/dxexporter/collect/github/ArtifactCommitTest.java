package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.store.FlakyTest;
import dev.dxexporter.store.TestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test reports from run artifacts carry the run's head commit and branch, so two runs of one
 * commit, the case failing in one and passing in the other, make the case flaky, as pushed reports
 * of one commit do. The JUnit file is nextest's fixture ({@code test_failure_assert} fails, {@code
 * test_flaky_mod_4} is flaky within the run); the passing variant is that file with the failure
 * elements and output of {@code test_failure_assert} taken out.
 */
class ArtifactCommitTest {
  private static final String NEXTEST = "junit/nextest/fixtures/fixture-project-junit.xml";

  /** The head commit of the octokit workflow_run example. */
  private static final String SHA =
      GitHubFixtures.tree(
              GitHubFixtures.bytes(GitHubFixtures.PAYLOADS + "workflow_run/completed.payload.json"))
          .path("workflow_run")
          .path("head_sha")
          .asText();

  @TempDir Path tmp;
  private ArtifactRuns runs;

  @BeforeEach
  void start() throws Exception {
    runs = new ArtifactRuns(tmp.resolve("data"));
  }

  @AfterEach
  void stop() {
    runs.close();
  }

  static byte[] failing() {
    return GitHubFixtures.bytes(NEXTEST);
  }

  static byte[] passing() {
    String xml = new String(failing(), StandardCharsets.UTF_8);
    int c = xml.indexOf("<testcase name=\"test_failure_assert\"");
    int end = xml.indexOf("</testcase>", c);
    // The case keeps its opening tag and nothing inside: a pass.
    String opening = xml.substring(c, xml.indexOf('>', c) + 1);
    String result = xml.substring(0, c) + opening + xml.substring(end);
    return result.replace("failures=\"1\"", "failures=\"0\"").getBytes(StandardCharsets.UTF_8);
  }

  private List<FlakyTest> flaky() {
    return runs.store.flakyTests(
        "p", ArtifactRuns.START.minus(Duration.ofDays(1)), ArtifactRuns.START, 10);
  }

  @Test
  void twoRunsOfOneCommitFailingThenPassingMakeTheCaseFlaky() throws Exception {
    assertThat(new String(passing(), StandardCharsets.UTF_8))
        .doesNotContain("<failure")
        .contains("test_failure_assert");
    runs.run(42, SHA, "failure", Map.of("junit-linux", Zips.of(Map.of("junit.xml", failing()))));
    runs.run(43, SHA, "success", Map.of("junit-linux", Zips.of(Map.of("junit.xml", passing()))));
    runs.ingest(List.of("junit-*"));

    List<TestReport> latest = runs.store.latestTestReports("p");
    assertThat(latest).hasSize(1);
    assertThat(latest.get(0).meta().commit()).isEqualTo(SHA);
    assertThat(latest.get(0).meta().branch()).isEqualTo("main");
    assertThat(flaky())
        .filteredOn(f -> f.testName().equals("test_failure_assert"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.reportName()).isEqualTo("junit-linux");
              assertThat(f.lastCommit()).isEqualTo(SHA);
              assertThat(f.timesFlaky()).isEqualTo(1);
            });
  }

  @Test
  void runsOfDifferentCommitsAreNotPaired() throws Exception {
    runs.run(42, SHA, "failure", Map.of("junit-linux", Zips.of(Map.of("junit.xml", failing()))));
    runs.run(
        43,
        "0".repeat(40),
        "success",
        Map.of("junit-linux", Zips.of(Map.of("junit.xml", passing()))));
    runs.ingest(List.of("junit-*"));
    assertThat(flaky()).extracting(FlakyTest::testName).doesNotContain("test_failure_assert");
    // The in-run flaky case of the fixture is found either way: the reports were both read.
    assertThat(flaky()).extracting(FlakyTest::testName).contains("test_flaky_mod_4");
  }
}
