package dev.dxexporter.collect.github;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * What GitHub said about the token's quota ({@code X-RateLimit-*}), and until when requests must
 * not be sent: quota exhausted (until its reset), a {@code Retry-After}, a secondary rate limit, or
 * rejected credentials (until the token changes or a cool-off passes).
 */
public final class RateLimitState {
  private long limit = -1;
  private long remaining = -1;
  private Instant reset;
  private Instant blockedUntil = Instant.EPOCH;
  private String rejectedToken;
  private Instant rejectedUntil = Instant.EPOCH;

  /** Values as last reported; -1 and null before the first response. */
  public record Snapshot(long limit, long remaining, Instant reset, Instant blockedUntil) {}

  public synchronized Snapshot snapshot() {
    return new Snapshot(limit, remaining, reset, blockedUntil);
  }

  /**
   * Reads the quota headers of any response. With {@code remaining} at or below {@code reserve},
   * requests stop until the reset.
   */
  synchronized void update(HttpHeaders headers, long reserve) {
    OptionalLong newLimit = number(headers, "x-ratelimit-limit");
    OptionalLong newRemaining = number(headers, "x-ratelimit-remaining");
    OptionalLong newReset = number(headers, "x-ratelimit-reset");
    newLimit.ifPresent(v -> limit = v);
    newRemaining.ifPresent(v -> remaining = v);
    newReset.ifPresent(v -> reset = Instant.ofEpochSecond(v));
    long effectiveReserve = limit > 0 ? Math.min(reserve, limit / 10) : reserve;
    if (newRemaining.isPresent() && remaining <= effectiveReserve && reset != null) {
      blockUntil(reset);
    }
  }

  synchronized void blockUntil(Instant until) {
    if (until.isAfter(blockedUntil)) {
      blockedUntil = until;
    }
  }

  synchronized Instant blockedUntil() {
    return blockedUntil;
  }

  /** The token was answered 401: do not send it again before {@code until}. */
  synchronized void rejectCredentials(String tokenFingerprint, Instant until) {
    rejectedToken = tokenFingerprint;
    rejectedUntil = until;
  }

  /** Whether this token was rejected and the cool-off has not passed; a new token is tried. */
  synchronized boolean credentialsRejected(String tokenFingerprint, Instant now) {
    return rejectedToken != null
        && rejectedToken.equals(tokenFingerprint)
        && now.isBefore(rejectedUntil);
  }

  static OptionalLong number(HttpHeaders headers, String name) {
    try {
      return headers.firstValue(name).map(String::strip).stream()
          .mapToLong(Long::parseLong)
          .findFirst();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
