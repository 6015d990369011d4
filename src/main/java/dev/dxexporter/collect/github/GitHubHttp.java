package dev.dxexporter.collect.github;

import dev.dxexporter.collect.github.ApiException.Kind;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One GitHub API request with everything around it: the shared budget, the rate-limit block, the
 * conditional header, retries with backoff on 5xx and network failures, and stopping for good on
 * rejected credentials. The token only goes to the configured API origin.
 */
final class GitHubHttp {
  private final HttpClient http;
  private final ClientSettings settings;
  private final Supplier<String> token;
  private final RequestBudget budget;
  private final RateLimitState limits;
  private final ApiStats stats;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  GitHubHttp(
      HttpClient http,
      ClientSettings settings,
      Supplier<String> token,
      RequestBudget budget,
      RateLimitState limits,
      ApiStats stats,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random) {
    if (http.followRedirects() != HttpClient.Redirect.NEVER) {
      // Redirects are followed here, so that credentials never follow them to another host.
      throw new IllegalArgumentException("the HttpClient must not follow redirects");
    }
    this.http = http;
    this.settings = settings;
    this.token = token;
    this.budget = budget;
    this.limits = limits;
    this.stats = stats;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** A JSON GET, conditional when {@code etag} is given: 200 with a body, or 304. */
  ApiResponse get(URI uri, String etag) throws ApiException, InterruptedException {
    HttpResponse<InputStream> response = send(uri, etag, false);
    try (InputStream in = response.body()) {
      int status = response.statusCode();
      if (status == 304) {
        return new ApiResponse(uri, status, response.headers(), new byte[0]);
      }
      if (status != 200) {
        throw new ApiException(Kind.BAD_RESPONSE, status, uri.getPath() + " answered " + status);
      }
      byte[] body = BoundedFiles.bounded(in, settings.maxResponseBytes()).readAllBytes();
      return new ApiResponse(uri, status, response.headers(), body);
    } catch (SizeLimitExceededException e) {
      throw new ApiException(
          Kind.BAD_RESPONSE, 200, uri.getPath() + ": " + e.getMessage(), null, e);
    } catch (IOException e) {
      throw new ApiException(Kind.NETWORK, 0, uri.getPath() + ": reading: " + e, null, e);
    }
  }

  /**
   * A download: the API answers with a redirect to storage, which is followed without the
   * Authorization header when it leaves the API origin. Returns the open 200 response.
   */
  HttpResponse<InputStream> download(URI uri) throws ApiException, InterruptedException {
    HttpResponse<InputStream> response = send(uri, null, true);
    for (int hop = 0; ; hop++) {
      int status = response.statusCode();
      if (status == 200) {
        return response;
      }
      ResponseText.close(response);
      if (!redirect(status) || hop >= 5) {
        throw new ApiException(Kind.BAD_RESPONSE, status, uri.getPath() + " answered " + status);
      }
      String location = response.headers().firstValue("location").orElse(null);
      if (location == null) {
        throw new ApiException(Kind.BAD_RESPONSE, status, "redirect without a Location");
      }
      URI next = response.uri().resolve(location);
      response = sameOrigin(next) ? send(next, null, true) : storage(next);
    }
  }

  private HttpResponse<InputStream> send(URI uri, String etag, boolean allowRedirect)
      throws ApiException, InterruptedException {
    if (!sameOrigin(uri)) {
      throw new ApiException(
          Kind.BAD_RESPONSE, 0, "refusing to send the token to " + ResponseText.origin(uri));
    }
    String secret = token();
    String fingerprint = ResponseText.fingerprint(secret);
    int failures = 0;
    int throttles = 0;
    while (true) {
      if (limits.credentialsRejected(fingerprint, clock.instant())) {
        stats.refused();
        throw new ApiException(
            Kind.UNAUTHORIZED,
            401,
            "the token was rejected (401); not sent again until it changes");
      }
      awaitBlock();
      if (!budget.tryAcquire()) {
        stats.refused();
        throw new ApiException(
            Kind.BUDGET_EXHAUSTED, 0, "request budget exhausted", budget.nextAvailable(), null);
      }
      HttpResponse<InputStream> response;
      try {
        response = http.send(request(uri, secret, etag), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        stats.networkError();
        if (failures < settings.maxRetries()) {
          backoff(failures++);
          continue;
        }
        throw new ApiException(Kind.NETWORK, 0, uri.getPath() + ": " + e, null, e);
      }
      Instant now = clock.instant();
      int status = response.statusCode();
      stats.response(status);
      limits.update(response.headers(), settings.reserve());
      if (status == 304) {
        budget.refund();
        return response;
      }
      if ((status >= 200 && status < 300) || (allowRedirect && redirect(status))) {
        return response;
      }
      String body = ResponseText.errorBody(response);
      if (status == 401) {
        limits.rejectCredentials(fingerprint, now.plus(settings.credentialCooloff()));
        throw new ApiException(
            Kind.UNAUTHORIZED, status, "bad credentials: " + ResponseText.message(body));
      }
      if (status == 403 || status == 429) {
        Instant until = Throttle.until(status, response.headers(), body, now, throttles);
        if (until != null) {
          limits.blockUntil(until);
          if (throttles++ < settings.maxRetries()) {
            continue;
          }
          throw new ApiException(Kind.RATE_LIMITED, status, "rate limited", until, null);
        }
        throw new ApiException(
            Kind.FORBIDDEN, status, uri.getPath() + ": " + ResponseText.message(body));
      }
      if (status >= 500 && failures < settings.maxRetries()) {
        backoff(failures++);
        continue;
      }
      Kind kind =
          switch (status) {
            case 404 -> Kind.NOT_FOUND;
            case 410 -> Kind.GONE;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.BAD_RESPONSE;
          };
      throw new ApiException(
          kind, status, uri.getPath() + ": " + status + " " + ResponseText.message(body));
    }
  }

  /** Sleeps through a short rate-limit block; a long one ends the call. */
  private void awaitBlock() throws ApiException, InterruptedException {
    Instant now = clock.instant();
    Instant until = limits.blockedUntil();
    if (!until.isAfter(now)) {
      return;
    }
    Duration wait = Duration.between(now, until);
    if (wait.compareTo(settings.maxInlineWait()) > 0) {
      stats.refused();
      throw new ApiException(Kind.RATE_LIMITED, 0, "rate limited until " + until, until, null);
    }
    stats.throttled(wait);
    sleeper.sleep(wait);
  }

  /** Exponential backoff with "equal jitter": between half and all of base * 2^n, capped. */
  private void backoff(int failures) throws InterruptedException {
    long ceiling =
        Math.min(
            settings.backoffCap().toMillis(),
            settings.backoffBase().toMillis() << Math.min(failures, 20));
    long half = ceiling / 2;
    Duration wait = Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    stats.backoff(wait);
    sleeper.sleep(wait);
  }

  /** A storage URL (signed, short-lived): no token, no budget. */
  private HttpResponse<InputStream> storage(URI uri) throws ApiException, InterruptedException {
    if (!"https".equals(uri.getScheme()) && !sameScheme(uri)) {
      throw new ApiException(
          Kind.BAD_RESPONSE, 0, "redirect to a non-HTTPS URL: " + ResponseText.origin(uri));
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("User-Agent", settings.userAgent())
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      stats.response(response.statusCode());
      return response;
    } catch (IOException e) {
      stats.networkError();
      throw new ApiException(
          Kind.NETWORK, 0, "download from " + ResponseText.origin(uri) + ": " + e, null, e);
    }
  }

  private HttpRequest request(URI uri, String secret, String etag) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", settings.userAgent())
            .GET();
    if (!secret.isEmpty()) {
      b.header("Authorization", "Bearer " + secret);
    }
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    return b.build();
  }

  private String token() throws ApiException {
    try {
      String value = token.get();
      return value == null ? "" : value.strip();
    } catch (RuntimeException e) {
      throw new ApiException(Kind.UNAUTHORIZED, 0, "token unavailable: " + e.getMessage(), null, e);
    }
  }

  boolean sameOrigin(URI uri) {
    URI base = settings.apiBase();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return base.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
        && base.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
        && base.getPort() == uri.getPort()
        && path.startsWith(base.getRawPath() == null ? "" : base.getRawPath());
  }

  /** Plain-HTTP storage is only accepted when the API itself is plain HTTP (a local test). */
  private boolean sameScheme(URI uri) {
    return settings.apiBase().getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()));
  }

  private static boolean redirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }
}
