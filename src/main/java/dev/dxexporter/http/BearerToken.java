package dev.dxexporter.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code Authorization: Bearer <token>}, compared in constant time against the token the route
 * expects for this request (e.g. the project's push token, chosen by a query parameter). 401 with
 * {@code WWW-Authenticate: Bearer} without a token, 403 with a wrong one, 403 when the request
 * names nothing that has a token.
 */
public final class BearerToken implements Authentication {
  private final Function<Exchange, Optional<String>> expected;

  /** {@code expected}: the token this request must carry, or empty when none may be accepted. */
  public BearerToken(Function<Exchange, Optional<String>> expected) {
    this.expected = expected;
  }

  @Override
  public Decision authenticate(Exchange exchange) {
    Optional<String> given =
        exchange
            .header("Authorization")
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(h -> h.substring(7).strip())
            .filter(t -> !t.isEmpty());
    if (given.isEmpty()) {
      return Decision.deny(
          401, "Unauthorized: a bearer token is required", Map.of("WWW-Authenticate", "Bearer"));
    }
    Optional<String> want = expected.apply(exchange);
    if (want.isEmpty() || !equal(given.get(), want.get())) {
      return Decision.deny(403, "Forbidden: the token does not match");
    }
    return Decision.ALLOW;
  }

  /** Constant-time in the length of the expected token (digests first, so lengths do not leak). */
  static boolean equal(String given, String expected) {
    return MessageDigest.isEqual(sha256(given), sha256(expected));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
