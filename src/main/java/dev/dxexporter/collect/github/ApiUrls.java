package dev.dxexporter.collect.github;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The REST endpoints used, under the configured API base. */
final class ApiUrls {
  private final String base;

  ApiUrls(URI apiBase) {
    this.base = apiBase.toString();
  }

  /**
   * {@code /actions/runs} or {@code /actions/workflows/{workflow}/runs}.
   *
   * @param createdSince only runs created on or after this day (UTC), or null; a day, not an
   *     instant, so that the URL (and its ETag) stays the same all day
   */
  URI runs(
      RepositoryTarget repo,
      String workflow,
      int perPage,
      LocalDate createdSince,
      boolean excludePullRequests) {
    StringBuilder url = new StringBuilder(repo(repo)).append("/actions/");
    if (workflow != null) {
      url.append("workflows/").append(workflow).append('/');
    }
    url.append("runs?per_page=").append(perPage);
    if (repo.branch() != null) {
      url.append("&branch=").append(encode(repo.branch()));
    }
    if (createdSince != null) {
      url.append("&created=").append(encode(">=" + createdSince));
    }
    if (excludePullRequests) {
      url.append("&exclude_pull_requests=true");
    }
    return URI.create(url.toString());
  }

  URI run(RepositoryTarget repo, long runId) {
    return URI.create(repo(repo) + "/actions/runs/" + runId);
  }

  /**
   * @param attempt the attempt's jobs, or 0 for the latest attempt's ({@code filter=latest})
   */
  URI jobs(RepositoryTarget repo, long runId, int attempt, int perPage) {
    String run = repo(repo) + "/actions/runs/" + runId;
    return URI.create(
        attempt > 0
            ? run + "/attempts/" + attempt + "/jobs?per_page=" + perPage
            : run + "/jobs?filter=latest&per_page=" + perPage);
  }

  URI artifacts(RepositoryTarget repo, long runId, int perPage) {
    return URI.create(repo(repo) + "/actions/runs/" + runId + "/artifacts?per_page=" + perPage);
  }

  URI artifactZip(RepositoryTarget repo, long artifactId) {
    return URI.create(repo(repo) + "/actions/artifacts/" + artifactId + "/zip");
  }

  private String repo(RepositoryTarget repo) {
    return base + "/repos/" + repo.owner() + "/" + repo.name();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
