package dev.dxexporter.http;

import java.util.Map;

/**
 * How a route authenticates its requests. The exporter's own endpoints use {@link #WEB_CONFIG}
 * (basic auth from the web config, when it has users); an ingest endpoint a bearer token; a webhook
 * an HMAC signature over the body. A route's authentication runs before its handler.
 */
public interface Authentication {
  /** Basic auth with the web config's users (swapped on reload); open when it has none. */
  Authentication WEB_CONFIG = exchange -> Decision.ALLOW;

  /** No authentication (use only for what is public by design). */
  Authentication NONE = exchange -> Decision.ALLOW;

  Decision authenticate(Exchange exchange) throws Exception;

  /** Allow, or deny with a status, a message and response headers (e.g. WWW-Authenticate). */
  record Decision(boolean allowed, int status, String message, Map<String, String> headers) {
    public static final Decision ALLOW = new Decision(true, 200, "", Map.of());

    public static Decision deny(int status, String message) {
      return new Decision(false, status, message, Map.of());
    }

    public static Decision deny(int status, String message, Map<String, String> headers) {
      return new Decision(false, status, message, headers);
    }
  }
}
