package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.github.ApiStats;
import dev.dxexporter.collect.github.RateLimitState;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The exporter's own GitHub API use, per project (each project polls with its own client). */
final class ApiSamples {
  static final MetricFamily REQUESTS =
      MetricFamily.counter(
          "dx_github_api_requests_total",
          "GitHub API responses by HTTP status since the exporter started (304: answered from the"
              + " ETag, no primary quota spent; status 0: no response, or refused locally).");
  static final MetricFamily REMAINING =
      MetricFamily.gauge(
          "dx_github_api_rate_limit_remaining",
          "X-RateLimit-Remaining of the latest GitHub API response (-1 before the first).");
  static final MetricFamily THROTTLED =
      MetricFamily.counter(
          "dx_github_api_throttled_seconds_total",
          "Time spent waiting for GitHub rate limits (Retry-After, reset, secondary limits) and"
              + " backing off after 5xx, since the exporter started.");
  static final MetricFamily POLL_SUCCESS =
      MetricFamily.gauge(
          "dx_github_poll_success",
          "1 when the latest poll of this repository completed, 0 when it stopped (rate limit,"
              + " credentials refused, server errors); the log says why.");

  private ApiSamples() {}

  static List<Sample> of(
      String project,
      ApiStats.Snapshot stats,
      RateLimitState.Snapshot limit,
      Map<String, Boolean> polls) {
    List<Sample> out = new ArrayList<>();
    for (int status : List.of(200, 304)) {
      if (!stats.requestsByStatus().containsKey(status)) {
        out.add(Sample.of(REQUESTS, 0, "project", project, "status", String.valueOf(status)));
      }
    }
    stats
        .requestsByStatus()
        .forEach(
            (status, n) ->
                out.add(
                    Sample.of(REQUESTS, n, "project", project, "status", String.valueOf(status))));
    out.add(
        Sample.of(
            REQUESTS,
            stats.networkErrors() + stats.refusedLocally(),
            "project",
            project,
            "status",
            "0"));
    out.add(Sample.of(REMAINING, limit.remaining(), "project", project));
    out.add(
        Sample.of(
            THROTTLED, stats.throttledSeconds() + stats.backoffSeconds(), "project", project));
    polls.forEach(
        (repo, ok) ->
            out.add(Sample.of(POLL_SUCCESS, ok ? 1 : 0, "project", project, "repository", repo)));
    return out;
  }
}
