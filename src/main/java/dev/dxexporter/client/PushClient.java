package dev.dxexporter.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends reports to a running exporter's {@code POST /api/v1/reports}. Every attempt of one report
 * carries the same {@code Idempotency-Key}, so a retry after a lost answer is stored once. Retries:
 * no answer (connection refused, reset, timeout), 429 and 5xx, waiting {@code firstWait}, then
 * twice as long each time (at most 30 s, or the server's {@code Retry-After} up to 60 s).
 */
public final class PushClient {
  private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
  private static final long LONGEST_RETRY_AFTER_SECONDS = 60;

  /**
   * @param url the exporter ({@code https://dx.example:9184}) or the endpoint itself
   * @param retries how many times a report is sent again after the first attempt
   * @param caFile PEM certificates to trust instead of the JDK's (a private CA)
   */
  public record Settings(
      URI url,
      Optional<String> token,
      Duration timeout,
      int retries,
      Duration firstWait,
      Optional<Path> caFile) {}

  private final Settings settings;
  private final URI endpoint;
  private final HttpClient http;

  public PushClient(Settings settings) throws IOException, GeneralSecurityException {
    this.settings = settings;
    this.endpoint = endpoint(settings.url());
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (settings.caFile().isPresent()) {
      b.sslContext(TrustedCertificates.context(settings.caFile().get()));
    }
    this.http = b.build();
  }

  /** The endpoint a push goes to: {@code url} itself when it names it. */
  static URI endpoint(URI url) {
    String s = url.toString().replaceAll("/+$", "");
    return URI.create(s.endsWith("/api/v1/reports") ? s : s + "/api/v1/reports");
  }

  /** Sends {@code bundle}; never throws for what the network or the server does. */
  public PushOutcome push(ReportBundle bundle, PushParameters params) throws InterruptedException {
    List<String> query = new ArrayList<>();
    query.add(param("project", params.project()));
    params.report().ifPresent(v -> query.add(param("report", v)));
    params.branch().ifPresent(v -> query.add(param("branch", v)));
    params.commit().ifPresent(v -> query.add(param("commit", v)));
    params.run().ifPresent(v -> query.add(param("run", v)));
    params.format().ifPresent(v -> query.add(param("format", v)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(endpoint + "?" + String.join("&", query)))
            .header("Content-Type", "application/octet-stream")
            .header("Idempotency-Key", idempotencyKey(bundle, params));
    bundle.contentEncoding().ifPresent(e -> b.header("Content-Encoding", e));
    try {
      b.POST(HttpRequest.BodyPublishers.ofFile(bundle.body()));
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalStateException(bundle.body() + " was packed a moment ago", e);
    }
    return send(b, endpoint);
  }

  /**
   * Sends one recorded build (its JSON) to {@code POST /api/v1/builds}, under {@code key} for every
   * attempt.
   */
  public PushOutcome pushBuild(String project, byte[] json, String key)
      throws InterruptedException {
    URI builds = URI.create(endpoint.toString().replaceAll("/api/v1/reports$", "/api/v1/builds"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(builds + "?" + param("project", project)))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    return send(b, builds);
  }

  private PushOutcome send(HttpRequest.Builder b, URI where) throws InterruptedException {
    settings.token().ifPresent(t -> b.header("Authorization", "Bearer " + t));
    HttpRequest request = b.timeout(settings.timeout()).build();
    Duration wait = settings.firstWait();
    String last = "";
    int status = 0;
    for (int attempt = 1; ; attempt++) {
      Optional<Duration> retryAfter = Optional.empty();
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        last = r.body().strip();
        if (!RETRIED.contains(status)) {
          return new PushOutcome(result(status), status, last, attempt);
        }
        retryAfter = retryAfter(r);
      } catch (IOException e) {
        status = 0;
        last = "no answer from " + where + ": " + describe(e);
      }
      if (attempt > settings.retries()) {
        return new PushOutcome(PushOutcome.Result.UNAVAILABLE, status, last, attempt);
      }
      Thread.sleep(retryAfter.orElse(wait).toMillis());
      wait = min(wait.multipliedBy(2), LONGEST_WAIT);
    }
  }

  /**
   * The same for every attempt and for a re-run of the same CI step with the same results; another
   * run, project, report name or content is another key.
   */
  static String idempotencyKey(ReportBundle bundle, PushParameters params) {
    String material =
        String.join(
            "\u0000",
            params.project(),
            params.report().orElse(""),
            params.run().orElse(""),
            bundle.sha256());
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
      return "dx-push-" + HexFormat.of().formatHex(d).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static PushOutcome.Result result(int status) {
    if (status == 201) {
      return PushOutcome.Result.STORED;
    }
    if (status >= 200 && status < 300) {
      return PushOutcome.Result.DUPLICATE;
    }
    if (status == 401 || status == 403) {
      return PushOutcome.Result.UNAUTHORIZED;
    }
    return PushOutcome.Result.REFUSED;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> r) {
    return r.headers()
        .firstValue("Retry-After")
        .filter(v -> v.strip().matches("\\d{1,6}"))
        .map(v -> Long.parseLong(v.strip()))
        .filter(s -> s <= LONGEST_RETRY_AFTER_SECONDS)
        .map(Duration::ofSeconds);
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
