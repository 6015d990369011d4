package dev.dxexporter.collect.github;

import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One webhook delivery from headers and raw body to an outcome: signature first (nothing is parsed
 * before it is valid), then the delivery id, the payload, and deduplication.
 */
public final class WebhookIntake {
  /** GitHub sends a GUID; anything else signed with our secret is still refused as unreadable. */
  private static final Pattern DELIVERY_ID = Pattern.compile("[0-9A-Za-z-]{1,100}");

  private final WebhookSignature signature;
  private final WebhookParser parser;
  private final DeliveryLog deliveries;

  public WebhookIntake(WebhookSignature signature, WebhookParser parser, DeliveryLog deliveries) {
    this.signature = signature;
    this.parser = parser;
    this.deliveries = deliveries;
  }

  public WebhookOutcome receive(WebhookRequest request) {
    WebhookSignature.Verdict verdict = signature.verify(request.signature256(), request.body());
    if (verdict != WebhookSignature.Verdict.VALID) {
      return new WebhookOutcome.Unauthorized(verdict);
    }
    String id = request.deliveryId();
    if (id == null || !DELIVERY_ID.matcher(id).matches()) {
      return new WebhookOutcome.BadRequest("missing or malformed X-GitHub-Delivery header");
    }
    Path source = Path.of("webhook-delivery-" + id);
    WebhookEvent event;
    try {
      event = parser.parse(request.event(), json(request), source);
    } catch (InputException e) {
      String tooLarge = SizeLimitExceededException.in(e) != null ? " (too large)" : "";
      return new WebhookOutcome.BadRequest(e.getMessage() + tooLarge);
    }
    if (!deliveries.firstSeen(id)) {
      return new WebhookOutcome.Duplicate(id);
    }
    return new WebhookOutcome.Accepted(id, event);
  }

  /** The JSON document: the body itself, or its {@code payload} field for form encoding. */
  private static byte[] json(WebhookRequest request) {
    String type = request.contentType() == null ? "" : request.contentType();
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return request.body();
    }
    String form = new String(request.body(), StandardCharsets.US_ASCII);
    for (String pair : form.split("&")) {
      if (pair.startsWith("payload=")) {
        return URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8)
            .getBytes(StandardCharsets.UTF_8);
      }
    }
    return new byte[0];
  }
}
