package dev.dxexporter.ingest.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxexporter.collect.github.RepositoryTarget;
import dev.dxexporter.collect.github.WebhookEvent;
import dev.dxexporter.collect.github.WebhookParser;
import dev.dxexporter.metrics.HistogramData;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.CiBatch;
import dev.dxexporter.store.CiJob;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dx_ci_job_queue_seconds} (created_at to started_at of completed jobs) from the real store,
 * with the octokit {@code workflow_job} examples: the figures are the examples' own timestamps, and
 * they are the same after the store is closed and opened again.
 */
class JobQueueTest {
  private static final String JOBS = "/github/octokit-webhooks/payload-examples/api.github.com/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2021-08-06T00:00:00Z");

  @TempDir Path tmp;

  private static JsonNode example(String name) throws Exception {
    return JSON.readTree(
        Files.readAllBytes(Path.of(JobQueueTest.class.getResource(JOBS + name).toURI())));
  }

  private static CiJob row(JsonNode payload, CiSettings settings) throws Exception {
    var event =
        (WebhookEvent.WorkflowJobEvent)
            new WebhookParser()
                .parse("workflow_job", JSON.writeValueAsBytes(payload), Path.of("delivery"));
    return new CiRecords("p", NOW)
        .job(event.job(), settings.repository(event.job().repository()).orElseThrow());
  }

  private static double queued(JsonNode payload) {
    JsonNode j = payload.path("workflow_job");
    return Duration.between(
                Instant.parse(j.path("created_at").asText()),
                Instant.parse(j.path("started_at").asText()))
            .toMillis()
        / 1e3;
  }

  @Test
  void queueTimesAreTheExamplesTimestampsAndSurviveARestart() throws Exception {
    CiSettings settings =
        new CiSettings(
            List.of(
                new CiSettings.Repository(
                    RepositoryTarget.of("Codertocat/Hello-World", List.of(), null),
                    Optional.empty())),
            Duration.ofDays(7),
            Duration.ofDays(14),
            CiSettings.DEFAULT_STEPS,
            List.of());
    JsonNode success = example("workflow_job/completed.success.with-organization.payload.json");
    ObjectNode failure =
        (ObjectNode) example("workflow_job/completed.failure.with-organization.payload.json");
    // The failure example describes the same job id; made a second job of the same name.
    ((ObjectNode) failure.path("workflow_job"))
        .put("id", 1 + success.path("workflow_job").path("id").asLong());
    JsonNode queuedOnly = example("workflow_job/queued.payload.json");
    List<CiJob> jobs =
        List.of(row(success, settings), row(failure, settings), row(queuedOnly, settings));
    double expectedSum = queued(success) + queued(failure);
    assertThat(expectedSum).isPositive();

    Path data = tmp.resolve("data");
    try (Store store = SqliteStore.open(data, StoreSettings.defaults())) {
      store.ci().apply(new CiBatch("d1", "workflow_job", NOW, List.of(), jobs));
      assertQueue(collect(store, settings), expectedSum, 2);
    }
    try (Store reopened = SqliteStore.open(data, StoreSettings.defaults())) {
      assertQueue(collect(reopened, settings), expectedSum, 2);
    }
  }

  private static List<Sample> collect(Store store, CiSettings settings) {
    return new CiCollector(
            "p", settings, () -> store, Clock.fixed(NOW, ZoneOffset.UTC), new GitHubCounters())
        .collect();
  }

  private static void assertQueue(List<Sample> samples, double sum, long count) {
    List<Sample.Histogram> queue =
        samples.stream()
            .filter(s -> s.family().name().equals("dx_ci_job_queue_seconds"))
            .map(Sample.Histogram.class::cast)
            .toList();
    assertThat(queue).hasSize(1);
    assertThat(queue.get(0).labels())
        .containsEntry("project", "p")
        .containsEntry("pipeline", "CodeQL")
        .containsEntry("ci_job", "linters");
    HistogramData h = queue.get(0).data();
    assertThat(h.count()).isEqualTo(count);
    assertThat(h.sum()).isEqualTo(sum);
  }
}
