package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dxexporter.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Over the whole optional corpus in ../shared/fixtures/github (skipped when it is absent). */
class SharedGitHubCorpusTest {
  @Test
  void everyRecordedRunAndJobParses() throws Exception {
    Path bodies = SharedCorpus.require("fixtures/github/PyGithub/decoded-bodies");
    int runs = 0;
    int jobs = 0;
    try (Stream<Path> files = Files.list(bodies)) {
      for (Path file : files.sorted().toList()) {
        JsonNode root = GitHubFixtures.tree(Files.readAllBytes(file));
        GitHubJson fields = new GitHubJson(file);
        for (JsonNode run : root.path("workflow_runs")) {
          assertThat(fields.run(run, MissingNode.getInstance(), null).id()).isPositive();
          runs++;
        }
        for (JsonNode job : root.path("jobs")) {
          assertThat(fields.job(job, "x/y").steps()).hasSize(job.path("steps").size());
          jobs++;
        }
      }
    }
    assertThat(runs).isGreaterThan(5);
    assertThat(jobs).isGreaterThan(5);
  }

  /** The replay reader's bodies equal the corpus's separately decoded ones. */
  @Test
  void theReplayReaderAgreesWithTheDecodedBodies() throws Exception {
    Path shared = SharedCorpus.require("fixtures/github/PyGithub");
    for (String name :
        List.of("WorkflowRun.test_jobs", "WorkflowRun.setUp", "WorkflowRun.testGetAttempt")) {
      List<Recordings.Exchange> exchanges =
          Recordings.pyGithub("PyGithub/tests/ReplayData/" + name + ".txt");
      for (int i = 0; i < exchanges.size(); i++) {
        Path decoded = shared.resolve("decoded-bodies/" + name + ".response-" + i + ".json");
        if (Files.exists(decoded)) {
          assertThat(exchanges.get(i).reply().body())
              .as(decoded.toString())
              .isEqualTo(Files.readAllBytes(decoded));
        }
      }
    }
    Path octokit = SharedCorpus.require("fixtures/github/octokit.rb/decoded-bodies");
    String cassette =
        "Octokit_Client_ActionsWorkflowRuns/_repository_workflow_runs/auto-paginates_the_results";
    List<Recordings.Exchange> exchanges =
        Recordings.octokit("octokit.rb/spec/cassettes/" + cassette + ".json");
    for (int i = 0; i < exchanges.size(); i++) {
      assertThat(exchanges.get(i).reply().body())
          .isEqualTo(Files.readAllBytes(octokit.resolve(cassette + ".response-" + i + ".json")));
    }
  }

  @Test
  void everyPayloadExampleOfEveryEventIsHandled() throws Exception {
    Path examples =
        SharedCorpus.require("fixtures/github/octokit-webhooks/payload-examples/api.github.com");
    WebhookParser parser = new WebhookParser();
    int handled = 0;
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String event = file.getParent().getFileName().toString();
        WebhookEvent parsed = parser.parse(event, Files.readAllBytes(file), file);
        assertThat(parsed.name()).isEqualTo(event);
        handled++;
      }
    }
    assertThat(handled).isGreaterThan(20);
  }
}
