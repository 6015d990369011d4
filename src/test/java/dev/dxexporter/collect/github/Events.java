package dev.dxexporter.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Webhook events from the payload examples, optionally edited (test-made variants). */
final class Events {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final WebhookParser PARSER = new WebhookParser();

  static WorkflowRun run(String example) {
    return run(example, n -> {});
  }

  /** A workflow_run example with {@code edit} applied to its {@code workflow_run} object. */
  static WorkflowRun run(String example, Consumer<ObjectNode> edit) {
    return ((WebhookEvent.WorkflowRunEvent) parse("workflow_run", example, edit)).run();
  }

  static WorkflowJob job(String example) {
    return job(example, n -> {});
  }

  static WorkflowJob job(String example, Consumer<ObjectNode> edit) {
    return ((WebhookEvent.WorkflowJobEvent) parse("workflow_job", example, edit)).job();
  }

  private static WebhookEvent parse(String event, String example, Consumer<ObjectNode> edit) {
    try {
      JsonNode root =
          GitHubFixtures.tree(
              GitHubFixtures.bytes(GitHubFixtures.PAYLOADS + event + "/" + example));
      edit.accept((ObjectNode) root.path(event));
      return PARSER.parse(event, MAPPER.writeValueAsBytes(root), Path.of(example));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Events() {}
}
