package dev.dxexporter.collect.github;

/** How a delivery was answered. */
public sealed interface WebhookOutcome {
  /** The HTTP status to answer with. */
  int httpStatus();

  /** Signature missing, malformed or wrong: nothing of the body was looked at. */
  record Unauthorized(WebhookSignature.Verdict verdict) implements WebhookOutcome {
    @Override
    public int httpStatus() {
      return 401;
    }
  }

  /** Signed, but not a readable delivery (no delivery id, not JSON, fields of the wrong type). */
  record BadRequest(String message) implements WebhookOutcome {
    @Override
    public int httpStatus() {
      return 400;
    }
  }

  /** A delivery id seen before: acknowledged, not applied again. */
  record Duplicate(String deliveryId) implements WebhookOutcome {
    @Override
    public int httpStatus() {
      return 200;
    }
  }

  /** A new delivery; {@link WebhookEvent.Ping} and {@link WebhookEvent.Other} need no work. */
  record Accepted(String deliveryId, WebhookEvent event) implements WebhookOutcome {
    @Override
    public int httpStatus() {
      return 200;
    }
  }
}
