package dev.dxexporter.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What identifies and describes one ingested report. {@code identity} (a content hash, a run id or
 * an Idempotency-Key, chosen by the caller) is unique per (project, source): saving a second report
 * with the same identity stores nothing. {@code branch}, {@code commit} and {@code runId} are null
 * when unknown; flaky detection across reports (fail and pass on the same commit) needs the commit.
 */
public record ReportMeta(
    String project,
    String source,
    String identity,
    String reportName,
    String format,
    String branch,
    String commit,
    String runId,
    Instant receivedAt) {

  /** Longest label (project, source, report name, format, identity) the store accepts. */
  public static final int MAX_LABEL_LENGTH = 512;

  public ReportMeta {
    project = label("project", project);
    source = label("source", source);
    identity = label("identity", identity);
    reportName = label("reportName", reportName);
    format = label("format", format);
    branch = optional("branch", branch);
    commit = optional("commit", commit);
    runId = optional("runId", runId);
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  private static String label(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return optional(what, value);
  }

  private static String optional(String what, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          what + " is longer than " + MAX_LABEL_LENGTH + " characters");
    }
    return value;
  }
}
