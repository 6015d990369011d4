package dev.dxexporter.ingest.ci;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries by outcome and clamped timestamps, by project, since the exporter started.
 * Shared by the webhook route and the collectors; each project's collector exports its own.
 */
public final class GitHubCounters {
  static final MetricFamily DELIVERIES =
      MetricFamily.counter(
          "dx_github_webhook_deliveries_total",
          "GitHub webhook deliveries since the exporter started, by outcome (applied, duplicate,"
              + " ping, ignored, unauthorized, malformed, unknown_repository, store_unavailable).");
  static final MetricFamily CLAMPED =
      MetricFamily.counter(
          "dx_ci_timestamps_clamped_total",
          "Impossible timestamps or durations in GitHub's run and job descriptions that were"
              + " clamped (started before created, completed before started, in the future, over"
              + " 35 days) since the exporter started.");

  /** Outcomes present from the start at 0, so that rate() sees the first one. */
  static final List<String> OUTCOMES =
      List.of("applied", "duplicate", "ping", "ignored", "unauthorized", "malformed");

  private record Key(String project, String outcome) {}

  private final Map<Key, AtomicLong> deliveries = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> clamped = new ConcurrentHashMap<>();

  void delivery(String project, String outcome) {
    deliveries.computeIfAbsent(new Key(project, outcome), k -> new AtomicLong()).incrementAndGet();
  }

  void clamped(String project, int n) {
    if (n > 0) {
      clamped.computeIfAbsent(project, k -> new AtomicLong()).addAndGet(n);
    }
  }

  List<Sample> samples(String project) {
    List<Sample> out = new ArrayList<>();
    java.util.Set<String> outcomes = new java.util.TreeSet<>(OUTCOMES);
    deliveries.keySet().stream()
        .filter(k -> k.project().equals(project))
        .forEach(k -> outcomes.add(k.outcome()));
    for (String outcome : outcomes) {
      AtomicLong n = deliveries.get(new Key(project, outcome));
      out.add(
          Sample.of(DELIVERIES, n == null ? 0 : n.get(), "project", project, "outcome", outcome));
    }
    AtomicLong c = clamped.get(project);
    out.add(Sample.of(CLAMPED, c == null ? 0 : c.get(), "project", project));
    return out;
  }
}
