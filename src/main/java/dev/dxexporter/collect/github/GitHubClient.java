package dev.dxexporter.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dxexporter.collect.github.ApiException.Kind;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The GitHub Actions REST endpoints the exporter reads, every one conditional (ETag) and paginated
 * through {@code Link}. One client per token: its budget, rate-limit state, ETag caches and
 * statistics are shared by all repositories polled with it.
 */
public final class GitHubClient {
  /** Pages remembered per kind of listing; an idle poll needs one per page it walks. */
  static final int CACHE_PAGES = 2_000;

  private final GitHubHttp http;
  private final ApiUrls urls;
  private final JsonDocuments json;
  private final RateLimitState limits = new RateLimitState();
  private final ApiStats stats = new ApiStats();
  private final ETagCache<WorkflowRun> runPages = new ETagCache<>(CACHE_PAGES);
  private final ETagCache<WorkflowJob> jobPages = new ETagCache<>(CACHE_PAGES);
  private final ETagCache<Artifact> artifactPages = new ETagCache<>(CACHE_PAGES);

  /**
   * @param http must not follow redirects ({@link #newHttpClient})
   * @param token the token (the caller resolves {@code {env}}/{@code {file}} references), asked for
   *     on every call so a rotated file is picked up; empty for anonymous access
   * @param budget shared with every other client of the same token, if any
   */
  public GitHubClient(
      HttpClient http,
      ClientSettings settings,
      Supplier<String> token,
      RequestBudget budget,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random) {
    this.http =
        new GitHubHttp(http, settings, token, budget, limits, stats, clock, sleeper, random);
    this.urls = new ApiUrls(settings.apiBase());
    this.json = new JsonDocuments(new BoundedFiles(settings.maxResponseBytes()));
  }

  /** An HttpClient as this client needs it: redirects are followed by hand. */
  public static HttpClient newHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
  }

  public ApiStats stats() {
    return stats;
  }

  public RateLimitState rateLimit() {
    return limits;
  }

  /** Forgets every ETag, e.g. when the caller's known state was reset. */
  public void clearCaches() {
    runPages.clear();
    jobPages.clear();
    artifactPages.clear();
  }

  ApiUrls urls() {
    return urls;
  }

  Listing<WorkflowRun> runs(URI first, int maxPages, String repository)
      throws ApiException, InterruptedException {
    return pages(
        first,
        maxPages,
        runPages,
        (root, fields) -> {
          List<WorkflowRun> runs = new ArrayList<>();
          for (JsonNode run : fields.array(root, "workflow_runs")) {
            runs.add(fields.run(run, MissingNode.getInstance(), repository));
          }
          return runs;
        });
  }

  /** One run (its latest attempt), as a listing of one. */
  Listing<WorkflowRun> run(URI uri, String repository) throws ApiException, InterruptedException {
    return pages(
        uri,
        1,
        runPages,
        (root, fields) -> List.of(fields.run(root, MissingNode.getInstance(), repository)));
  }

  Listing<WorkflowJob> jobs(URI first, int maxPages, String repository)
      throws ApiException, InterruptedException {
    return pages(
        first,
        maxPages,
        jobPages,
        (root, fields) -> {
          List<WorkflowJob> jobs = new ArrayList<>();
          for (JsonNode job : fields.array(root, "jobs")) {
            jobs.add(fields.job(job, repository));
          }
          return jobs;
        });
  }

  Listing<Artifact> artifacts(URI first, int maxPages) throws ApiException, InterruptedException {
    return pages(
        first,
        maxPages,
        artifactPages,
        (root, fields) -> {
          List<Artifact> artifacts = new ArrayList<>();
          for (JsonNode artifact : fields.array(root, "artifacts")) {
            artifacts.add(fields.artifact(artifact));
          }
          return artifacts;
        });
  }

  /** Opens an artifact's zip (the API redirects to storage; no token goes there). */
  HttpResponse<InputStream> download(URI archive) throws ApiException, InterruptedException {
    return http.download(archive);
  }

  private interface PageParser<T> {
    List<T> parse(JsonNode root, GitHubJson fields) throws InputException;
  }

  private <T> Listing<T> pages(URI first, int maxPages, ETagCache<T> cache, PageParser<T> parser)
      throws ApiException, InterruptedException {
    List<T> items = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    int fetched = 0;
    int notModified = 0;
    URI next = first;
    while (next != null && seen.size() < maxPages && seen.add(next)) {
      URI uri = next;
      ETagCache.Entry<T> cached = cache.get(uri);
      ApiResponse response = http.get(uri, cached == null ? null : cached.etag());
      if (response.notModified() && cached != null) {
        notModified++;
        items.addAll(cached.items());
        next = cached.next();
        continue;
      }
      if (response.notModified()) {
        throw new ApiException(Kind.BAD_RESPONSE, 304, uri.getPath() + ": 304 to a plain request");
      }
      fetched++;
      List<T> page = parse(response, parser);
      try {
        next = LinkHeader.next(response.headers());
      } catch (IllegalArgumentException e) {
        throw new ApiException(Kind.BAD_RESPONSE, 200, "unreadable Link header", null, e);
      }
      if (response.etag() != null) {
        cache.put(uri, new ETagCache.Entry<>(response.etag(), next, page));
      }
      items.addAll(page);
    }
    boolean truncated = next != null && !seen.contains(next);
    return new Listing<>(items, fetched > 0, truncated, fetched, notModified);
  }

  private <T> List<T> parse(ApiResponse response, PageParser<T> parser) throws ApiException {
    Path source = Path.of(response.uri().getRawPath());
    try {
      JsonNode root = json.parse(response.body(), source);
      if (!root.isObject()) {
        throw new InputException(source, "not a JSON object");
      }
      return parser.parse(root, new GitHubJson(source));
    } catch (InputException e) {
      throw new ApiException(Kind.BAD_RESPONSE, 200, e.getMessage(), null, e);
    }
  }
}
