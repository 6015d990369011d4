package dev.dxexporter.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.nio.file.Path;

/** Turns a verified webhook body into a {@link WebhookEvent}. */
public final class WebhookParser {
  /**
   * The largest body parsed. GitHub sends up to 25 MB, but a payload is one Jackson tree, about 8
   * bytes of heap per byte (bench/parse-heap-reports.sh): 25 MiB needed 192 MiB, more than half the
   * chart's heap, while 8 MiB fits in 64 MiB; real workflow_run and workflow_job payloads are tens
   * of KiB. A larger one is answered 413 and counted as malformed (the poller still sees the run).
   */
  public static final long MAX_PAYLOAD_BYTES = 8L << 20;

  private final JsonDocuments json;

  public WebhookParser(long maxPayloadBytes) {
    this.json = new JsonDocuments(new BoundedFiles(maxPayloadBytes));
  }

  public WebhookParser() {
    this(MAX_PAYLOAD_BYTES);
  }

  /**
   * @param event the {@code X-GitHub-Event} header
   * @param body the JSON payload (already decoded from form encoding if it was sent that way)
   * @param source names the delivery in errors
   */
  public WebhookEvent parse(String event, byte[] body, Path source) throws InputException {
    if (event == null || event.isBlank()) {
      throw new InputException(source, "missing X-GitHub-Event header");
    }
    if (!event.equals("ping") && !event.equals("workflow_run") && !event.equals("workflow_job")) {
      return new WebhookEvent.Other(event);
    }
    JsonNode root = json.parse(body, source);
    if (!root.isObject()) {
      throw new InputException(source, "payload is not a JSON object");
    }
    GitHubJson fields = new GitHubJson(source);
    switch (event) {
      case "ping":
        Long hook = fields.optionalLong(root, "hook_id");
        return new WebhookEvent.Ping(hook == null ? 0 : hook, fields.text(root, "zen"));
      case "workflow_run":
        return new WebhookEvent.WorkflowRunEvent(
            fields.text(root, "action"),
            fields.run(
                object(root, "workflow_run", source),
                root.path("workflow"),
                repo(root),
                fields.text(root.path("repository"), "default_branch")));
      default:
        return new WebhookEvent.WorkflowJobEvent(
            fields.text(root, "action"),
            fields.job(object(root, "workflow_job", source), repo(root)));
    }
  }

  private static JsonNode object(JsonNode root, String field, Path source) throws InputException {
    JsonNode node = root.path(field);
    if (!node.isObject()) {
      throw new InputException(source, "missing " + field + " object");
    }
    return node;
  }

  private static String repo(JsonNode root) {
    JsonNode name = root.path("repository").path("full_name");
    return name.isTextual() ? name.asText() : null;
  }
}
