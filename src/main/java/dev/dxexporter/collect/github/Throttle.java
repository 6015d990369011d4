package dev.dxexporter.collect.github;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads a 403 or 429 the way GitHub documents its rate limits: a {@code Retry-After} is obeyed;
 * else {@code X-RateLimit-Remaining: 0} means the primary limit, until {@code X-RateLimit-Reset};
 * else a "secondary rate limit" message (or any 429) means at least a minute, doubling while it
 * repeats. Anything else is not a rate limit (a 403 is then a permission problem).
 */
final class Throttle {
  static final Duration MAX_SECONDARY_WAIT = Duration.ofMinutes(15);

  /** Until when to hold off, or null when this is no rate limit. */
  static Instant until(int status, HttpHeaders headers, String body, Instant now, int repeats) {
    Instant retryAfter = retryAfter(headers, now);
    if (retryAfter != null) {
      return retryAfter;
    }
    OptionalLong remaining = RateLimitState.number(headers, "x-ratelimit-remaining");
    if (remaining.isPresent() && remaining.getAsLong() == 0) {
      OptionalLong reset = RateLimitState.number(headers, "x-ratelimit-reset");
      Instant at = reset.isPresent() ? Instant.ofEpochSecond(reset.getAsLong()) : null;
      // A reset already past (clock skew) still means "not now": wait the documented minute.
      return at != null && at.isAfter(now) ? at : now.plus(ClientSettings.SECONDARY_MIN_WAIT);
    }
    if (status == 429 || secondary(body)) {
      Duration wait = ClientSettings.SECONDARY_MIN_WAIT.multipliedBy(1L << Math.min(repeats, 4));
      return now.plus(wait.compareTo(MAX_SECONDARY_WAIT) > 0 ? MAX_SECONDARY_WAIT : wait);
    }
    return null;
  }

  static boolean secondary(String body) {
    String text = body.toLowerCase(Locale.ROOT);
    return text.contains("secondary rate limit") || text.contains("abuse detection");
  }

  /** {@code Retry-After} as seconds or as an HTTP date (RFC 9110); null when absent or bad. */
  static Instant retryAfter(HttpHeaders headers, Instant now) {
    String value = headers.firstValue("retry-after").map(String::strip).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : now.plusSeconds(Math.min(seconds, 86_400));
    } catch (NumberFormatException e) {
      try {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private Throttle() {}
}
