package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every metric of the catalogue reaches users: in a dashboard panel, and where a line exists, in a
 * rule.
 */
class CatalogueCoverageTest {
  /**
   * The metric catalogue of DESIGN.md (shared/DESIGN.md, "Metric catalogue") plus the lead's
   * additions (dx_cache_present, dx_collector_interval_seconds, the config reload pair) and what
   * the collectors added (dx_dependencies_read_success, dx_cache_scan_complete). CI-side families
   * are here before their collectors exist.
   */
  static final List<String> CATALOGUE =
      List.of(
          "dx_build_info",
          "dx_config_last_reload_successful",
          "dx_config_last_reload_success_timestamp_seconds",
          "dx_collector_success",
          "dx_collector_duration_seconds",
          "dx_collector_last_success_timestamp_seconds",
          "dx_collector_errors_total",
          "dx_collector_interval_seconds",
          "dx_collector_next_run_timestamp_seconds",
          "dx_cache_size_bytes",
          "dx_cache_apparent_size_bytes",
          "dx_cache_files",
          "dx_cache_directories",
          "dx_cache_stale_bytes",
          "dx_cache_newest_file_timestamp_seconds",
          "dx_cache_scan_errors",
          "dx_cache_scan_complete",
          "dx_cache_present",
          "dx_filesystem_avail_bytes",
          "dx_filesystem_size_bytes",
          "dx_dependencies",
          "dx_dependencies_distinct",
          "dx_dependencies_locked",
          "dx_dependencies_duplicated",
          "dx_dependencies_read_success",
          "dx_tests",
          "dx_tests_duration_seconds",
          "dx_test_suite_duration_seconds",
          "dx_tests_flaky_ratio",
          "dx_tests_flaky_cases",
          "dx_tests_window_cases",
          "dx_tests_window_reports",
          "dx_tests_flaky_window_seconds",
          "dx_tests_report_timestamp_seconds",
          "dx_coverage_ratio",
          "dx_coverage_covered",
          "dx_coverage_instrumented",
          "dx_coverage_report_timestamp_seconds",
          "dx_reports_ingested_total",
          "dx_reports_refused_total",
          "dx_store_up",
          "dx_store_size_bytes",
          "dx_store_rows",
          "dx_store_last_write_timestamp_seconds",
          "dx_store_write_errors_total",
          "dx_store_read_errors_total",
          "dx_build_duration_seconds",
          "dx_build_success",
          "dx_build_peak_memory_bytes",
          "dx_build_cpu_seconds",
          "dx_build_start_timestamp_seconds",
          "dx_build_recorded_duration_seconds",
          "dx_build_unit_duration_seconds",
          "dx_build_timings_duration_seconds",
          "dx_build_timings_units",
          "dx_build_timings_timestamp_seconds",
          "dx_build_cache_hit_ratio",
          "dx_build_cache_hits",
          "dx_build_cache_misses",
          "dx_benchmark_seconds",
          "dx_benchmark_throughput",
          "dx_benchmark_performance_change_ratio",
          "dx_benchmark_regressed",
          "dx_benchmark_memory_bytes",
          "dx_benchmark_verdict_available",
          "dx_benchmark_report_timestamp_seconds",
          "dx_ci_runs_total",
          "dx_ci_run_duration_seconds",
          "dx_ci_success_ratio",
          "dx_ci_last_run_duration_seconds",
          "dx_ci_last_run_timestamp_seconds",
          "dx_ci_job_duration_seconds",
          "dx_ci_job_queue_seconds",
          "dx_ci_step_duration_seconds",
          "dx_ci_run_queue_seconds",
          "dx_ci_window_finished_runs",
          "dx_ci_window_successful_runs",
          "dx_ci_last_run_success",
          "dx_ci_timestamps_clamped_total",
          "dx_github_webhook_deliveries_total",
          "dx_github_api_requests_total",
          "dx_github_api_rate_limit_remaining",
          "dx_github_api_throttled_seconds_total",
          "dx_github_poll_success",
          "dx_objective_threshold",
          "dx_objective_met",
          "dx_score",
          "dx_score_objectives");

  private static final Pattern DX_METRIC = Pattern.compile("dx_[a-z0-9_]+");

  @Test
  void everyCatalogueMetricHasAPanel() {
    Set<String> shown = new TreeSet<>();
    for (Dashboard d : Dashboard.shipped()) {
      d.panels().forEach(p -> p.exprs().forEach(e -> shown.addAll(metricsIn(e))));
    }
    // Panels over recording rules read their source metrics through the rule file.
    RuleFile.shipped().rules().stream()
        .filter(r -> !r.isAlert() && shown.stream().anyMatch(m -> r.record().contains(m)))
        .forEach(r -> shown.addAll(metricsIn(r.expr())));

    assertThat(shown).containsAll(CATALOGUE);
  }

  @Test
  void everyMetricInTheReadmeTableIsInTheCatalogue() throws Exception {
    // The README lists what the exporter produces today; a new family there needs panels here too.
    var readme = RepoFiles.ROOT.resolve("README.md");
    assertThat(readme).exists();
    Set<String> documented =
        Files.readString(readme)
            .lines()
            .filter(l -> l.startsWith("| `dx_"))
            .flatMap(l -> metricsIn(l.split("\\|")[1]).stream())
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(documented).isNotEmpty();
    assertThat(CATALOGUE).containsAll(documented);
  }

  private static Set<String> metricsIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = DX_METRIC.matcher(text);
    while (m.find()) {
      // Histogram series name their family: dx_x_bucket / _sum / _count belong to dx_x.
      names.add(m.group().replaceAll("_(bucket|sum|count)$", ""));
    }
    return names;
  }
}
