package dev.dxexporter.collect.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One token bucket of API requests shared by every repository polled with a token, so that the
 * exporter as a whole stays below GitHub's primary limit (5,000 requests an hour for a user token)
 * whatever the number of repositories. A request answered 304 costs GitHub no quota, so its token
 * is given back.
 */
public final class RequestBudget {
  private final double perSecond;
  private final double capacity;
  private final Clock clock;
  private double tokens;
  private Instant last;

  /**
   * @param requestsPerHour the steady rate, e.g. 4,000 to leave room for other users of the token
   * @param burst how many requests may go at once after an idle period (at least 1)
   */
  public RequestBudget(int requestsPerHour, int burst, Clock clock) {
    if (requestsPerHour <= 0 || burst <= 0) {
      throw new IllegalArgumentException(
          "requestsPerHour and burst must be positive: " + requestsPerHour + ", " + burst);
    }
    this.perSecond = requestsPerHour / 3600.0;
    this.capacity = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.instant();
  }

  /** Takes one request's worth; false when the bucket is empty (nothing is taken). */
  public synchronized boolean tryAcquire() {
    refill();
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** Gives back a token taken for a request that cost no quota (a 304). */
  public synchronized void refund() {
    tokens = Math.min(capacity, tokens + 1);
  }

  /** Whole requests available now. */
  public synchronized int available() {
    refill();
    return (int) Math.floor(tokens);
  }

  /** When the next request's token will be there. */
  public synchronized Instant nextAvailable() {
    refill();
    if (tokens >= 1) {
      return last;
    }
    long nanos = (long) Math.ceil((1 - tokens) / perSecond * 1e9);
    return last.plus(Duration.ofNanos(nanos));
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double seconds = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(capacity, tokens + seconds * perSecond);
      last = now;
    }
  }
}
