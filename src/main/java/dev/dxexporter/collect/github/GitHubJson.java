package dev.dxexporter.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps GitHub's JSON objects (the same shapes in webhooks and in REST responses) to records. Fields
 * GitHub may omit become null; a field of the wrong type or an unreadable timestamp is an error
 * naming the source.
 */
final class GitHubJson {
  /** A matrix can fan out to 256 jobs, each with a few dozen steps: far below this. */
  static final int MAX_LIST_ITEMS = 10_000;

  private final Path source;

  GitHubJson(Path source) {
    this.source = source;
  }

  /**
   * @param workflow the webhook's {@code workflow} object (names the workflow when the run's own
   *     name is empty), or a missing node
   * @param repository used when the run has no {@code repository.full_name}
   */
  WorkflowRun run(JsonNode run, JsonNode workflow, String repository) throws InputException {
    return run(run, workflow, repository, null);
  }

  /**
   * @param defaultBranch used when the run's own {@code repository} has no {@code default_branch}
   *     (a webhook names it in the payload's top-level {@code repository})
   */
  WorkflowRun run(JsonNode run, JsonNode workflow, String repository, String defaultBranch)
      throws InputException {
    String name = text(run, "name");
    if (name == null || name.isEmpty()) {
      name = text(workflow, "name");
    }
    String path = text(run, "path");
    if (path == null) {
      path = text(workflow, "path");
    }
    String repo = text(run.path("repository"), "full_name");
    String ownDefault = text(run.path("repository"), "default_branch");
    Integer attempt = integer(run, "run_attempt");
    return new WorkflowRun(
        requiredId(run, "id"),
        attempt == null ? 1 : attempt,
        optionalLong(run, "workflow_id"),
        name,
        path,
        repo == null ? repository : repo,
        text(run, "head_branch"),
        text(run, "head_sha"),
        text(run, "event"),
        text(run, "status"),
        text(run, "conclusion"),
        instant(run, "created_at"),
        instant(run, "run_started_at"),
        instant(run, "updated_at"),
        text(run, "html_url"),
        ownDefault == null || ownDefault.isEmpty() ? defaultBranch : ownDefault);
  }

  WorkflowJob job(JsonNode job, String repository) throws InputException {
    List<WorkflowStep> steps = new ArrayList<>();
    for (JsonNode step : array(job, "steps")) {
      Integer number = integer(step, "number");
      steps.add(
          new WorkflowStep(
              text(step, "name"),
              number == null ? 0 : number,
              text(step, "status"),
              text(step, "conclusion"),
              instant(step, "started_at"),
              instant(step, "completed_at")));
    }
    List<String> labels = new ArrayList<>();
    for (JsonNode label : array(job, "labels")) {
      if (!label.isTextual()) {
        throw wrongType("labels[]", "a string", label);
      }
      labels.add(label.asText());
    }
    Integer attempt = integer(job, "run_attempt");
    return new WorkflowJob(
        requiredId(job, "id"),
        requiredId(job, "run_id"),
        attempt == null ? 1 : attempt,
        text(job, "name"),
        text(job, "workflow_name"),
        repository,
        text(job, "head_branch"),
        text(job, "status"),
        text(job, "conclusion"),
        instant(job, "created_at"),
        instant(job, "started_at"),
        instant(job, "completed_at"),
        steps,
        labels,
        text(job, "runner_name"),
        text(job, "html_url"));
  }

  Artifact artifact(JsonNode artifact) throws InputException {
    Long size = optionalLong(artifact, "size_in_bytes");
    return new Artifact(
        requiredId(artifact, "id"),
        text(artifact, "name"),
        size == null ? -1 : size,
        artifact.path("expired").asBoolean(false),
        text(artifact, "archive_download_url"),
        instant(artifact, "created_at"),
        instant(artifact, "expires_at"));
  }

  /** The elements of an array field; absent or null is empty. */
  List<JsonNode> array(JsonNode node, String field) throws InputException {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrongType(field, "an array", value);
    }
    if (value.size() > MAX_LIST_ITEMS) {
      throw new InputException(source, field + ": more than " + MAX_LIST_ITEMS + " elements");
    }
    List<JsonNode> items = new ArrayList<>(value.size());
    value.forEach(items::add);
    return items;
  }

  String text(JsonNode node, String field) throws InputException {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string", value);
    }
    return value.asText();
  }

  long requiredId(JsonNode node, String field) throws InputException {
    Long id = optionalLong(node, field);
    if (id == null) {
      throw new InputException(source, "missing " + field);
    }
    if (id <= 0) {
      throw new InputException(source, field + " must be positive: " + id);
    }
    return id;
  }

  Long optionalLong(JsonNode node, String field) throws InputException {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(field, "an integer", value);
    }
    return value.asLong();
  }

  Integer integer(JsonNode node, String field) throws InputException {
    Long value = optionalLong(node, field);
    if (value == null) {
      return null;
    }
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new InputException(source, field + " out of range: " + value);
    }
    return value.intValue();
  }

  Instant instant(JsonNode node, String field) throws InputException {
    String value = text(node, field);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InputException(source, field + ": not an ISO 8601 timestamp: " + clip(value), e);
    }
  }

  private InputException wrongType(String field, String expected, JsonNode value) {
    return new InputException(
        source, field + ": expected " + expected + ", got " + value.getNodeType().name());
  }

  private static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
