package dev.dxexporter.ingest.ci;

import dev.dxexporter.metrics.MetricFamily;

/** The {@code dx_ci_*} metric families (DESIGN.md's table), with their help texts. */
final class CiFamilies {
  private static final String B = " branch is default (the repository's default branch) or other.";
  static final MetricFamily RUNS =
      MetricFamily.counter(
          "dx_ci_runs_total",
          "Finished CI run attempts, by result and attempt (first, rerun: a re-run is another"
              + " attempt of the same run), from the store's tally: survives restarts and"
              + " retention."
              + B);
  static final MetricFamily DURATION =
      MetricFamily.histogram(
          "dx_ci_run_duration_seconds",
          "Durations of the finished run attempts kept in the store (run_started_at to the end);"
              + " exemplars carry the run's URL."
              + B);
  static final MetricFamily QUEUE =
      MetricFamily.histogram(
          "dx_ci_run_queue_seconds",
          "Time first attempts waited from created to started, of the runs kept in the store." + B);
  static final MetricFamily SUCCESS_RATIO =
      MetricFamily.gauge(
          "dx_ci_success_ratio",
          "Successful / finished runs (latest attempt of each run) of the default branch over the"
              + " success window; absent without a finished run.");
  static final MetricFamily WINDOW_FINISHED =
      MetricFamily.gauge(
          "dx_ci_window_finished_runs",
          "Finished runs (success, failure, timed_out, startup_failure) of the default branch in"
              + " the success window: the denominator of dx_ci_success_ratio.");
  static final MetricFamily WINDOW_SUCCESSFUL =
      MetricFamily.gauge(
          "dx_ci_window_successful_runs",
          "Successful runs of the default branch in the success window: the numerator of"
              + " dx_ci_success_ratio.");
  static final MetricFamily LAST_DURATION =
      MetricFamily.gauge(
          "dx_ci_last_run_duration_seconds", "Duration of the latest finished run attempt." + B);
  static final MetricFamily LAST_TIMESTAMP =
      MetricFamily.gauge(
          "dx_ci_last_run_timestamp_seconds",
          "Unix time the latest finished run attempt ended, with its result." + B);
  static final MetricFamily LAST_SUCCESS =
      MetricFamily.gauge(
          "dx_ci_last_run_success",
          "1 when the latest finished run attempt succeeded, else 0." + B);
  static final MetricFamily JOB_DURATION =
      MetricFamily.histogram(
          "dx_ci_job_duration_seconds",
          "Durations of the completed (not skipped) jobs kept in the store, by workflow and job"
              + " name (label ci_job).");
  static final MetricFamily JOB_QUEUE =
      MetricFamily.histogram(
          "dx_ci_job_queue_seconds",
          "Time the completed (not skipped) jobs kept in the store waited for a runner, from"
              + " created_at to started_at, by workflow and job name (label ci_job).");
  static final MetricFamily STEP_DURATION =
      MetricFamily.histogram(
          "dx_ci_step_duration_seconds",
          "Durations of allow-listed steps (by default cache restore and setup steps) of the"
              + " completed jobs kept in the store.");

  /** Seconds: a minute to two hours, the roadmap's 900 s line among them. */
  static final double[] RUN_BOUNDS = {30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 7200};

  static final double[] QUEUE_BOUNDS = {1, 5, 10, 30, 60, 120, 300, 600, 1800};
  static final double[] STEP_BOUNDS = {1, 2, 5, 10, 20, 30, 60, 120, 300, 600};

  private CiFamilies() {}
}
