package dev.dxexporter.ingest.ci;

import static dev.dxexporter.ingest.ci.CiFamilies.*;

import dev.dxexporter.collect.github.ArtifactFilter;
import dev.dxexporter.metrics.Exemplar;
import dev.dxexporter.metrics.HistogramData;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.CiJob;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.CiRunCount;
import dev.dxexporter.store.CiStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A project's stored runs, jobs and tally as samples at {@code now}. Series whose newest data is
 * older than the TTL are left out, so a deleted workflow, job or step disappears from /metrics.
 */
final class CiSamples {
  private static final Set<String> FINISHED =
      Set.of("success", "failure", "timed_out", "startup_failure");
  private static final long MAX_SECONDS = Duration.ofDays(35).toSeconds();

  private final String project;
  private final CiSettings settings;
  private final Instant now;
  private final Instant fresh;
  private final ArtifactFilter steps;
  private final List<Sample> out = new ArrayList<>();

  CiSamples(String project, CiSettings settings, Instant now) {
    this.project = project;
    this.settings = settings;
    this.now = now;
    this.fresh = now.minus(settings.ttl());
    this.steps =
        new ArtifactFilter(settings.steps().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
  }

  /**
   * @param runs run attempts, newest first
   * @param jobs completed jobs, newest first
   */
  List<Sample> of(List<CiRun> runs, List<CiJob> jobs, List<CiRunCount> counts) {
    for (CiRunCount c : counts) {
      if (!c.lastAt().isBefore(fresh)) {
        out.add(
            Sample.of(
                RUNS,
                c.runs(),
                "project",
                project,
                "pipeline",
                c.pipeline(),
                "branch",
                c.branchClass(),
                "result",
                c.result(),
                "attempt",
                c.attempt()));
      }
    }
    runs(runs);
    window(runs);
    jobs(jobs);
    return out;
  }

  private void runs(List<CiRun> runs) {
    Map<List<String>, HistogramData.Builder> durations = new LinkedHashMap<>();
    Map<List<String>, HistogramData.Builder> queues = new LinkedHashMap<>();
    Map<List<String>, CiRun> last = new LinkedHashMap<>();
    Map<List<String>, Instant> newest = new HashMap<>();
    List<CiRun> oldestFirst = new ArrayList<>(runs);
    java.util.Collections.reverse(oldestFirst);
    for (CiRun r : oldestFirst) {
      List<String> key = List.of(r.pipeline(), r.branchClass());
      newest.merge(key, activity(r), (a, b) -> a.isAfter(b) ? a : b);
      Double ran = r.finished() ? seconds(start(r), r.updatedAt()) : null;
      if (ran != null) {
        Instant at = r.updatedAt();
        durations
            .computeIfAbsent(key, k -> HistogramData.buckets(RUN_BOUNDS))
            .observe(
                ran,
                r.htmlUrl() == null
                    ? java.util.Optional.empty()
                    : Exemplar.of(ran, "run_url", r.htmlUrl(), at));
        CiRun before = last.get(key);
        if (before == null || !before.updatedAt().isAfter(at)) {
          last.put(key, r);
        }
      }
      Double queued = r.runAttempt() == 1 ? seconds(r.createdAt(), r.startedAt()) : null;
      if (queued != null) {
        queues.computeIfAbsent(key, k -> HistogramData.buckets(QUEUE_BOUNDS)).observe(queued);
      }
    }
    durations.forEach((k, h) -> histogram(DURATION, h, k, newest.get(k)));
    queues.forEach((k, h) -> histogram(QUEUE, h, k, newest.get(k)));
    last.forEach(
        (k, r) -> {
          if (newest.get(k).isBefore(fresh)) {
            return;
          }
          String[] labels = {"project", project, "pipeline", k.get(0), "branch", k.get(1)};
          out.add(Sample.of(LAST_DURATION, seconds(start(r), r.updatedAt()), labels));
          out.add(Sample.of(LAST_SUCCESS, "success".equals(r.conclusion()) ? 1 : 0, labels));
          out.add(
              Sample.of(
                  LAST_TIMESTAMP,
                  r.updatedAt().toEpochMilli() / 1e3,
                  "project",
                  project,
                  "pipeline",
                  k.get(0),
                  "branch",
                  k.get(1),
                  "result",
                  r.conclusion()));
        });
  }

  /** The success ratio: the latest attempt of each default-branch run finished in the window. */
  private void window(List<CiRun> runs) {
    Instant from = now.minus(settings.successWindow());
    Map<List<Object>, CiRun> latest = new HashMap<>();
    for (CiRun r : runs) {
      latest.merge(
          List.of(r.repository(), r.runId()),
          r,
          (a, b) -> a.runAttempt() >= b.runAttempt() ? a : b);
    }
    Map<String, long[]> byPipeline = new LinkedHashMap<>();
    for (CiRun r : runs) {
      if (r.branchClass().equals("default") && !activity(r).isBefore(fresh)) {
        byPipeline.computeIfAbsent(r.pipeline(), p -> new long[2]);
      }
    }
    for (CiRun r : latest.values()) {
      if (r.finished()
          && r.branchClass().equals("default")
          && FINISHED.contains(r.conclusion())
          && !r.updatedAt().isBefore(from)) {
        long[] n = byPipeline.computeIfAbsent(r.pipeline(), p -> new long[2]);
        n[0] += "success".equals(r.conclusion()) ? 1 : 0;
        n[1]++;
      }
    }
    byPipeline.forEach(
        (pipeline, n) -> {
          String[] labels = {"project", project, "pipeline", pipeline};
          out.add(Sample.of(WINDOW_SUCCESSFUL, n[0], labels));
          out.add(Sample.of(WINDOW_FINISHED, n[1], labels));
          if (n[1] > 0) {
            out.add(Sample.of(SUCCESS_RATIO, (double) n[0] / n[1], labels));
          }
        });
  }

  private void jobs(List<CiJob> jobs) {
    Map<List<String>, HistogramData.Builder> byJob = new LinkedHashMap<>();
    Map<List<String>, HistogramData.Builder> byQueue = new LinkedHashMap<>();
    Map<List<String>, HistogramData.Builder> bySteps = new LinkedHashMap<>();
    Map<List<String>, Instant> newest = new HashMap<>();
    for (CiJob j : jobs) {
      Double ran = seconds(j.startedAt(), j.completedAt());
      if (ran == null || "skipped".equals(j.conclusion())) {
        continue;
      }
      List<String> key = List.of(j.pipeline(), j.name());
      newest.merge(key, j.completedAt(), (a, b) -> a.isAfter(b) ? a : b);
      byJob.computeIfAbsent(key, k -> HistogramData.buckets(RUN_BOUNDS)).observe(ran);
      Double queued = seconds(j.createdAt(), j.startedAt());
      if (queued != null) {
        byQueue.computeIfAbsent(key, k -> HistogramData.buckets(QUEUE_BOUNDS)).observe(queued);
      }
      for (CiStep s : j.steps()) {
        Double took = seconds(s.startedAt(), s.completedAt());
        if (took == null
            || "skipped".equals(s.conclusion())
            || !steps.matches(s.name().toLowerCase(Locale.ROOT))) {
          continue;
        }
        List<String> stepKey = List.of(j.pipeline(), j.name(), s.name());
        newest.merge(stepKey, j.completedAt(), (a, b) -> a.isAfter(b) ? a : b);
        bySteps.computeIfAbsent(stepKey, k -> HistogramData.buckets(STEP_BOUNDS)).observe(took);
      }
    }
    jobHistograms(JOB_DURATION, byJob, newest);
    jobHistograms(JOB_QUEUE, byQueue, newest);
    bySteps.forEach(
        (k, h) -> {
          if (!newest.get(k).isBefore(fresh)) {
            out.add(
                Sample.histogram(
                    STEP_DURATION,
                    h.build(),
                    "project",
                    project,
                    "pipeline",
                    k.get(0),
                    "ci_job",
                    k.get(1),
                    "step",
                    k.get(2)));
          }
        });
  }

  private void jobHistograms(
      MetricFamily family,
      Map<List<String>, HistogramData.Builder> byJob,
      Map<List<String>, Instant> newest) {
    byJob.forEach(
        (k, h) -> {
          if (!newest.get(k).isBefore(fresh)) {
            out.add(
                Sample.histogram(
                    family,
                    h.build(),
                    "project",
                    project,
                    "pipeline",
                    k.get(0),
                    "ci_job",
                    k.get(1)));
          }
        });
  }

  private void histogram(
      MetricFamily family, HistogramData.Builder h, List<String> key, Instant newest) {
    if (!newest.isBefore(fresh)) {
      out.add(
          Sample.histogram(
              family, h.build(), "project", project, "pipeline", key.get(0), "branch", key.get(1)));
    }
  }

  private static Instant start(CiRun r) {
    return r.startedAt() != null ? r.startedAt() : r.createdAt();
  }

  private static Instant activity(CiRun r) {
    return r.updatedAt() != null ? r.updatedAt() : Instant.EPOCH;
  }

  /** Seconds from one to the other, clamped to 0..35 days; null when either is unknown. */
  private static Double seconds(Instant from, Instant to) {
    if (from == null || to == null) {
      return null;
    }
    double s = Duration.between(from, to).toMillis() / 1e3;
    return Math.max(0, Math.min(MAX_SECONDS, s));
  }
}
