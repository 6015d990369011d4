package dev.dxexporter.collect.github;

/**
 * What the HTTP route hands over: four headers and the raw body.
 *
 * @param event {@code X-GitHub-Event}
 * @param deliveryId {@code X-GitHub-Delivery}
 * @param signature256 {@code X-Hub-Signature-256}
 * @param contentType {@code Content-Type}: JSON, or form encoding ({@code payload=...}) when the
 *     hook was created with content type "form"
 * @param body the bytes exactly as received; the signature covers them
 */
public record WebhookRequest(
    String event, String deliveryId, String signature256, String contentType, byte[] body) {}
