package dev.dxexporter.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Webhook payloads generated from the octokit payload examples in {@code
 * src/test/resources/github/} (provenance in its README): the example's shape with the ids, status,
 * result and times a test needs. Public for the end-to-end test, which sends them to the jar.
 */
public final class Deliveries {
  static final String EXAMPLES = "/github/octokit-webhooks/payload-examples/api.github.com/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Deliveries() {}

  static byte[] example(String relative) {
    try (InputStream in = Deliveries.class.getResourceAsStream(EXAMPLES + relative)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + relative);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A {@code workflow_run} delivery of octo-org/octo-repo, workflow "test".
   *
   * @param conclusion null unless completed
   */
  public static byte[] run(
      long id,
      int attempt,
      String branch,
      String status,
      String conclusion,
      Instant created,
      Duration queued,
      Duration ran) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(example("workflow_run/completed.payload.json"));
      root.put(
          "action",
          status.equals("completed")
              ? "completed"
              : status.equals("in_progress") ? "in_progress" : "requested");
      ObjectNode run = (ObjectNode) root.get("workflow_run");
      run.put("id", id);
      run.put("run_attempt", attempt);
      run.put("head_branch", branch);
      run.put("status", status);
      if (conclusion == null) {
        run.putNull("conclusion");
      } else {
        run.put("conclusion", conclusion);
      }
      Instant started = created.plus(queued);
      run.put("created_at", created.toString());
      run.put("run_started_at", started.toString());
      run.put("updated_at", (status.equals("completed") ? started.plus(ran) : started).toString());
      run.put("html_url", "https://github.com/octo-org/octo-repo/actions/runs/" + id);
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A completed {@code workflow_job} delivery of Codertocat/Hello-World, workflow "CodeQL", job
   * "linters", its steps laid end to end from the start: "Set up job" 2 s, "Cache cargo" {@code
   * cache}, "Build" the rest.
   */
  public static byte[] job(long id, long runId, Instant started, Duration ran, Duration cache) {
    try {
      ObjectNode root =
          (ObjectNode)
              JSON.readTree(
                  example("workflow_job/completed.success.with-organization.payload.json"));
      ObjectNode job = (ObjectNode) root.get("workflow_job");
      job.put("id", id);
      job.put("run_id", runId);
      job.put("run_attempt", 1);
      job.put("created_at", started.minusSeconds(5).toString());
      job.put("started_at", started.toString());
      job.put("completed_at", started.plus(ran).toString());
      ArrayNode steps = job.putArray("steps");
      Instant at = started;
      String[] names = {"Set up job", "Cache cargo", "Build"};
      Duration[] took = {Duration.ofSeconds(2), cache, ran.minus(cache).minusSeconds(2)};
      for (int i = 0; i < names.length; i++) {
        ObjectNode s = steps.addObject();
        s.put("name", names[i]);
        s.put("status", "completed");
        s.put("conclusion", "success");
        s.put("number", i + 1);
        s.put("started_at", at.toString());
        at = at.plus(took[i]);
        s.put("completed_at", at.toString());
      }
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
