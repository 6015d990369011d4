package dev.dxexporter.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.JsonDocuments;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * {@code GitHubHeapProbe write webhook|runs-page FILE [BYTES]} writes the largest GitHub JSON the
 * daemon accepts, just under its cap: a {@code workflow_run} webhook of 8 MiB (the octokit example
 * payload with many pull requests) or a REST page of workflow runs of 8 MiB (octokit's run, ids
 * distinct, at most {@link GitHubJson#MAX_LIST_ITEMS}); {@code read ... FILE} reads it as the
 * daemon does (the whole body in bytes, one Jackson tree, the records). Exit status 0 when read.
 */
public final class GitHubHeapProbe {
  private static final Path EXAMPLE =
      Path.of(
          "src/test/resources/github/octokit-webhooks/payload-examples/api.github.com/"
              + "workflow_run/completed.with-pull-requests.payload.json");
  private static final long MARGIN = 64L << 10;

  private GitHubHeapProbe() {}

  public static void main(String[] args) throws Exception {
    boolean webhook = args[1].equals("webhook");
    Path file = Path.of(args[2]);
    long cap =
        webhook ? WebhookParser.MAX_PAYLOAD_BYTES : ClientSettings.defaults().maxResponseBytes();
    if (args[0].equals("write")) {
      long bytes = args.length > 3 ? Long.parseLong(args[3]) : cap - MARGIN;
      System.out.println(webhook ? writeWebhook(file, bytes) : writeRunsPage(file, bytes));
      return;
    }
    long start = System.nanoTime();
    byte[] body = Files.readAllBytes(file);
    int records;
    if (webhook) {
      WebhookEvent e = new WebhookParser().parse("workflow_run", body, file);
      records = e instanceof WebhookEvent.WorkflowRunEvent ? 1 : 0;
    } else {
      JsonNode root = new JsonDocuments(new BoundedFiles(cap)).parse(body, file);
      GitHubJson fields = new GitHubJson(file);
      List<WorkflowRun> runs = new ArrayList<>();
      for (JsonNode run : fields.array(root, "workflow_runs")) {
        runs.add(
            fields.run(run, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), "o/r"));
      }
      records = runs.size();
    }
    System.out.printf(
        "read=%s records=%d ms=%d%n",
        records > 0 ? "ok" : "FAILED", records, (System.nanoTime() - start) / 1_000_000);
    System.exit(records > 0 ? 0 : 1);
  }

  private static long writeWebhook(Path file, long bytes) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode payload = (ObjectNode) mapper.readTree(EXAMPLE.toFile());
    ObjectNode run = (ObjectNode) payload.get("workflow_run");
    String pr = mapper.writeValueAsString(run.get("pull_requests").get(0));
    run.putArray("pull_requests");
    String[] around = mapper.writeValueAsString(payload).split("\"pull_requests\":\\[\\]", 2);
    return fill(
        file,
        bytes,
        around[0] + "\"pull_requests\":[",
        "]" + around[1],
        i -> (i == 0 ? "" : ",") + pr.replace("\"number\":2", "\"number\":" + (i + 2)),
        i -> true);
  }

  private static long writeRunsPage(Path file, long bytes) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String run = mapper.writeValueAsString(mapper.readTree(EXAMPLE.toFile()).get("workflow_run"));
    String id = "\"id\":" + mapper.readTree(run).get("id").asLong();
    return fill(
        file,
        bytes,
        "{\"total_count\":" + GitHubJson.MAX_LIST_ITEMS + ",\"workflow_runs\":[",
        "]}",
        i -> (i == 0 ? "" : ",") + run.replace(id, "\"id\":" + (1_000_000L + i)),
        i -> i < GitHubJson.MAX_LIST_ITEMS);
  }

  private static long fill(
      Path file, long bytes, String head, String tail, IntFunction<String> entry, IntPredicate more)
      throws Exception {
    long limit = bytes - tail.length();
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write(head);
      long written = head.length();
      for (int i = 0; more.test(i); i++) {
        String e = entry.apply(i);
        if (written + e.length() > limit) {
          break;
        }
        w.write(e);
        written += e.length();
      }
      w.write(tail);
    }
    return Files.size(file);
  }
}
