package dev.dxexporter.collect.github;

import java.net.URI;
import java.time.Duration;

/**
 * How the client talks to GitHub.
 *
 * @param apiBase {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub
 *     Enterprise Server; the token is only ever sent to this origin
 * @param maxResponseBytes a JSON response larger than this is refused
 * @param maxRetries retries after a 5xx or a network failure, with exponential backoff and jitter
 * @param backoffBase the first retry waits between half of this and all of it; each retry doubles
 * @param backoffCap no single backoff wait is longer
 * @param maxInlineWait a rate-limit wait up to this long is slept through; a longer one ends the
 *     call with {@link ApiException.Kind#RATE_LIMITED} (the scheduler polls again later)
 * @param reserve stop when {@code X-RateLimit-Remaining} falls to this (at most a tenth of the
 *     limit), leaving quota to the token's other users
 * @param credentialCooloff after a 401, the same token is not sent again for this long
 */
public record ClientSettings(
    URI apiBase,
    String userAgent,
    Duration requestTimeout,
    long maxResponseBytes,
    int maxRetries,
    Duration backoffBase,
    Duration backoffCap,
    Duration maxInlineWait,
    long reserve,
    Duration credentialCooloff) {

  /** GitHub asks clients to wait at least a minute after a secondary rate limit. */
  static final Duration SECONDARY_MIN_WAIT = Duration.ofMinutes(1);

  public ClientSettings {
    String base = apiBase.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    apiBase = URI.create(base);
    if (apiBase.getHost() == null || apiBase.getQuery() != null) {
      throw new IllegalArgumentException("not an API base URL: " + apiBase);
    }
    if (maxRetries < 0 || maxResponseBytes <= 0 || reserve < 0) {
      throw new IllegalArgumentException("negative retries, reserve or response size limit");
    }
  }

  public static ClientSettings defaults(URI apiBase) {
    return new ClientSettings(
        apiBase,
        "dx-exporter",
        Duration.ofSeconds(30),
        8L * 1024 * 1024,
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        50,
        Duration.ofHours(1));
  }

  public static ClientSettings defaults() {
    return defaults(URI.create("https://api.github.com"));
  }
}
