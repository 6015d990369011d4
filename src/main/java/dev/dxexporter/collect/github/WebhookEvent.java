package dev.dxexporter.collect.github;

/** A parsed webhook delivery. */
public sealed interface WebhookEvent {
  /** {@code X-GitHub-Event}. */
  String name();

  /** Sent once when a webhook is created; answered 200 and otherwise ignored. */
  record Ping(long hookId, String zen) implements WebhookEvent {
    @Override
    public String name() {
      return "ping";
    }
  }

  /** {@code workflow_run}: action requested, in_progress or completed. */
  record WorkflowRunEvent(String action, WorkflowRun run) implements WebhookEvent {
    @Override
    public String name() {
      return "workflow_run";
    }
  }

  /** {@code workflow_job}: action queued, waiting, in_progress or completed. */
  record WorkflowJobEvent(String action, WorkflowJob job) implements WebhookEvent {
    @Override
    public String name() {
      return "workflow_job";
    }
  }

  /** Any other event the hook was subscribed to; acknowledged and dropped. */
  record Other(String name) implements WebhookEvent {}
}
