#!/usr/bin/env python3
"""Writes grafana/dashboards/*.json (Classic dashboard JSON, schemaVersion 39).

The JSON files are what ships (Grafana provisioning, the Helm chart's ConfigMaps); this script only keeps
their boilerplate consistent. Edit it, run `python3 grafana/generate.py`, commit both. The Java tests
(DashboardLintTest, ThresholdDriftTest, the e2e panel-query check) read the JSON, not this script.

Threshold lines are the roadmap's numbers and must equal dev.dxexporter.gate.Objectives.DEFAULTS.
"""
import json
import os

GB = 1e9
DS = {"type": "prometheus", "uid": "${datasource}"}
# Every target filters on the linter's job and instance variables and on the project.
S = 'job=~"$job", instance=~"$instance", project=~"$project"'

# Roadmap lines (Objectives.DEFAULTS), as (value, colour) steps above a base colour.
CLEAN_BUILD = [(90, "yellow"), (300, "red")]          # target < 90 s, gate / alert 300 s
INCREMENTAL_BUILD = [(1, "red")]                     # target < 1 s
TEST_SUITE = [(120, "yellow"), (300, "orange"), (600, "red")]  # feedback 120 s, target / gate 300 s, alert 600 s
CI_DURATION = [(900, "red")]                         # target < 15 min
CI_SUCCESS = [(0.90, "orange"), (0.95, "green")]     # alert < 0.90, target > 0.95 (base colour red)
CACHE = [(5 * GB, "yellow"), (6 * GB, "orange"), (10 * GB, "red")]  # target, gate, alert
DEPENDENCIES = [(50, "yellow"), (75, "red")]         # target < 50, gate < 75
BENCHMARK = [(-0.10, "green")]                       # alert < -0.10 (base colour red)
FLAKY = [(0.05, "red")]                              # alert > 5 % (not a roadmap line: see RUNBOOK.md)
COVERAGE_DROP = [(0.05, "red")]                      # alert: 5 points below the 7-day high


def thresholds(steps, base="green"):
    return {"mode": "absolute",
            "steps": [{"color": base, "value": None}] + [{"color": c, "value": v} for v, c in steps]}


class Board:
    def __init__(self, uid, title, description):
        self.uid, self.title, self.description = uid, title, description
        self.panels, self.x, self.y, self.row_h = [], 0, 0, 0

    def _place(self, w, h):
        if self.x + w > 24:
            self.x, self.y = 0, self.y + self.row_h
            self.row_h = 0
        pos = {"x": self.x, "y": self.y, "w": w, "h": h}
        self.x += w
        self.row_h = max(self.row_h, h)
        return pos

    def row(self, title):
        if self.x:
            self.x, self.y, self.row_h = 0, self.y + self.row_h, 0
        self.panels.append({"type": "row", "title": title, "collapsed": False, "panels": [],
                            "id": len(self.panels) + 1, "gridPos": {"x": 0, "y": self.y, "w": 24, "h": 1}})
        self.y += 1

    def panel(self, kind, title, description, targets, unit, steps=(), base="green", w=12, h=8,
              stack=False, lines=True, mappings=None, options=None):
        custom = {}
        if kind == "timeseries":
            custom = {"lineWidth": 1, "fillOpacity": 10 if not stack else 60, "showPoints": "never",
                      "spanNulls": True,
                      "stacking": {"mode": "normal" if stack else "none", "group": "A"},
                      "thresholdsStyle": {"mode": "line" if steps and lines else "off"}}
        defaults = {"unit": unit, "thresholds": thresholds(steps, base),
                    "color": {"mode": "thresholds" if kind in ("stat", "gauge", "bargauge") else "palette-classic"},
                    "mappings": mappings or []}
        if custom:
            defaults["custom"] = custom
        if unit in ("percentunit",) and kind in ("gauge", "bargauge"):
            defaults.update({"min": 0, "max": 1})
        p = {"type": kind, "title": title, "description": description, "datasource": DS,
             "id": len(self.panels) + 1, "gridPos": self._place(w, h),
             "fieldConfig": {"defaults": defaults, "overrides": []},
             "targets": [dict({"refId": chr(65 + i), "datasource": DS}, **t) for i, t in enumerate(targets)]}
        if kind == "stat":
            p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                            "colorMode": "background", "graphMode": "area", "textMode": "auto",
                            "justifyMode": "auto", "orientation": "auto"}
        elif kind == "timeseries":
            p["options"] = {"legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                            "tooltip": {"mode": "multi", "sort": "desc"}}
        elif kind == "bargauge":
            p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                            "orientation": "horizontal", "displayMode": "gradient", "showUnfilled": True}
        elif kind == "table":
            p["options"] = {"showHeader": True}
            for t in p["targets"]:
                t.update({"format": "table", "instant": True})
        if options:
            p["options"].update(options)
        self.panels.append(p)

    def json(self):
        def var_query(name, label, query, include_all=True):
            return {"name": name, "label": label, "type": "query", "datasource": DS,
                    "query": {"query": query, "refId": f"{name}-query"}, "definition": query,
                    "refresh": 2, "multi": True, "includeAll": include_all, "allValue": ".+",
                    "current": {"selected": True, "text": ["All"], "value": ["$__all"]},
                    "sort": 1, "hide": 0, "regex": "", "options": []}
        return {
            "id": None, "uid": self.uid, "title": self.title, "description": self.description,
            "tags": ["dx-exporter"], "editable": False, "graphTooltip": 1, "schemaVersion": 39,
            "version": 1, "refresh": "1m", "time": {"from": "now-7d", "to": "now"}, "timepicker": {},
            "timezone": "", "fiscalYearStartMonth": 0, "liveNow": False, "weekStart": "",
            "annotations": {"list": []},
            "links": [{"type": "dashboards", "tags": ["dx-exporter"], "asDropdown": True,
                       "title": "dx-exporter", "includeVars": True, "keepTime": True}],
            "templating": {"list": [
                {"name": "datasource", "label": "Data source", "type": "datasource", "query": "prometheus",
                 "current": {}, "hide": 0, "options": [], "refresh": 1, "regex": ""},
                var_query("job", "Job", "label_values(dx_build_info, job)"),
                var_query("instance", "Instance", 'label_values(dx_build_info{job=~"$job"}, instance)'),
                var_query("project", "Project",
                          'label_values(dx_collector_success{job=~"$job", instance=~"$instance"}, project)'),
            ]},
            "panels": self.panels,
        }


def t(expr, legend=""):
    return {"expr": expr, "legendFormat": legend}


# The card's gaps, from the exported levels: (title, series, unit, aggregation, objective, higher is better).
GAPS = [
    ("Incremental build", f'dx_build_duration_seconds{{kind="incremental", {S}}}', "s", "max", "incremental_build", False),
    ("Clean build", f'dx_build_duration_seconds{{kind="clean", {S}}}', "s", "max", "clean_build", False),
    ("Test suite", f"dx_tests_duration_seconds{{{S}}}", "s", "max", "test_suite", False),
    ("CI pipeline", f"dx_ci_last_run_duration_seconds{{{S}}}", "s", "max", "ci_pipeline_duration", False),
    ("CI success rate", f"dx_ci_success_ratio{{{S}}}", "percentunit", "min", "ci_success_rate", True),
    ("Build cache", f'dx_cache_size_bytes{{scope="project", {S}}}', "decbytes", "max", "build_cache_size", False),
    ("Dependencies", f"dx_dependencies_distinct{{{S}}}", "short", "max", "dependencies", False),
]


def quick_reference():
    b = Board("dx-quick-reference", "dx-exporter / Quick Reference Card",
              "The roadmap's Quick Reference Card: each objective against its target and gate.")
    b.row("The card from data: each project's own levels (dx_objective_threshold)")
    b.panel("stat", "DX score", "dx_score: priority-weighted share of the objectives with data that meet their goal, 0-10 (README, The DX score). The roadmap's goal is 9/10.",
            [t(f"max by (project) (dx_score{{{S}}})", "{{project}}")],
            "none", [(5, "orange"), (9, "green")], base="red", w=6, h=6)
    b.panel("stat", "Objectives by state", "dx_score_objectives: objectives met, not met, and without data (left out of the score).",
            [t(f"sum by (state) (dx_score_objectives{{{S}}})", "{{state}}")],
            "short", w=6, h=6)
    b.panel("table", "Objectives: the project's own lines", "Target, gate and alert line of every objective as the exporter exports them (config overrides, else the roadmap's numbers), in the objective's base unit (seconds, bytes, ratio, count); Met is 1 when the current value meets the goal.",
            [t(f'max by (project, objective) (dx_objective_threshold{{level="target", {S}}})'),
             t(f'max by (project, objective) (dx_objective_threshold{{level="gate", {S}}})'),
             t(f'max by (project, objective) (dx_objective_threshold{{level="alert", {S}}})'),
             t(f"max by (project, objective) (dx_objective_met{{{S}}})")],
            "none", w=12, h=6)
    b.panels[-1]["transformations"] = [
        {"id": "merge", "options": {}},
        {"id": "organize", "options": {"excludeByName": {"Time": True},
                                       "renameByName": {"Value #A": "Target", "Value #B": "Gate",
                                                        "Value #C": "Alert", "Value #D": "Met"}}}]
    for title, series, unit, agg, objective, higher in GAPS:
        gap = (f'max by (project) (dx_objective_threshold{{objective="{objective}", level="target", {S}}})'
               f" - on(project) {agg} by (project) ({series})") if higher else (
               f"{agg} by (project) ({series}) - on(project) "
               f'max by (project) (dx_objective_threshold{{objective="{objective}", level="target", {S}}})')
        b.panel("stat", f"Gap: {title}", f"How far the current value is from the project's own target (dx_objective_threshold); positive: still to go, negative or zero: met with that margin.",
                [t(gap, "{{project}}")], unit, [(0, "orange")], w=6, h=4)
    b.row("Targets and gates")
    b.panel("stat", "Incremental build", "Last incremental build. Target < 1 s.",
            [t(f'max by (project) (dx_build_duration_seconds{{kind="incremental", {S}}})', "{{project}}")],
            "s", INCREMENTAL_BUILD, w=6, h=5)
    b.panel("stat", "Clean build", "Last clean build. Target < 90 s, gate < 5 min, alert > 300 s.",
            [t(f'max by (project) (dx_build_duration_seconds{{kind="clean", {S}}})', "{{project}}")],
            "s", CLEAN_BUILD, w=6, h=5)
    b.panel("stat", "Test suite", "Wall time of the last test run. Feedback < 120 s, target and gate < 300 s, alert > 600 s.",
            [t(f"max by (project) (dx_tests_duration_seconds{{{S}}})", "{{project}}")],
            "s", TEST_SUITE, w=6, h=5)
    b.panel("stat", "CI pipeline", "Latest finished pipeline run. Target < 15 min.",
            [t(f"max by (project) (dx_ci_last_run_duration_seconds{{{S}}})", "{{project}}")],
            "s", CI_DURATION, w=6, h=5)
    b.panel("stat", "CI success rate", "Successful / finished runs over the configured window. Target > 95 %, alert < 90 %.",
            [t(f"min by (project) (dx_ci_success_ratio{{{S}}})", "{{project}}")],
            "percentunit", CI_SUCCESS, base="red", w=6, h=5)
    b.panel("stat", "Build cache", "Largest build cache of the project (allocated blocks). Target < 5 GB, gate < 6 GB, alert > 10 GB.",
            [t(f"project:dx_cache_size_bytes:max{{{S}}}", "{{project}}")],
            "decbytes", CACHE, w=6, h=5)
    b.panel("stat", "Dependencies", "Distinct external direct dependencies, largest ecosystem. Target < 50, gate < 75.",
            [t(f"project:dx_dependencies_distinct:max{{{S}}}", "{{project}}")],
            "short", DEPENDENCIES, w=6, h=5)
    b.panel("stat", "Worst benchmark change", "Most negative change against the baseline (negative = slower). Gate +-10 %, alert < -10 %.",
            [t(f"min by (project) (dx_benchmark_performance_change_ratio{{{S}}})", "{{project}}")],
            "percentunit", BENCHMARK, base="red", w=6, h=5)
    return b


def build_performance():
    b = Board("dx-build-performance", "dx-exporter / Build Performance",
              "Build times, compiler cache, dependencies and build-cache size (roadmap: Build Performance).")
    b.row("Build times")
    b.panel("timeseries", "Clean build time", "Duration of the last clean build, per build. Lines: target 90 s, gate / alert 300 s.",
            [t(f'dx_build_duration_seconds{{kind="clean", {S}}}', "{{project}} {{build}}")], "s", CLEAN_BUILD)
    b.panel("timeseries", "Incremental build time", "Duration of the last incremental build, per build. Line: target 1 s.",
            [t(f'dx_build_duration_seconds{{kind="incremental", {S}}}', "{{project}} {{build}}")], "s", INCREMENTAL_BUILD)
    b.panel("timeseries", "Compiler cache hit rate", "Compiler cache hits / requests (e.g. sccache).",
            [t(f"dx_build_cache_hit_ratio{{{S}}}", "{{project}} {{cache}}")], "percentunit")
    b.panel("bargauge", "Slowest builds", "The ten slowest builds by their last duration.",
            [t(f"topk(10, dx_build_duration_seconds{{{S}}})", "{{project}} {{build}} ({{kind}})")], "s")
    b.panel("bargauge", "Slowest crates to compile", "Compile time of the slowest units (crate targets) in the newest cargo --timings report; the rest summed as other.",
            [t(f'topk(15, dx_build_unit_duration_seconds{{unit!="other", {S}}})', "{{project}} {{unit}}")], "s")
    b.panel("stat", "Last build result", "1 when the latest recorded build of each name and kind exited 0.",
            [t(f"dx_build_success{{{S}}}", "{{project}} {{build}} ({{kind}})")], "bool_yes_no", steps=[(1, "green")], base="red")
    b.panel("timeseries", "Recorded build time p50 / p95", "Quantiles over the recorded builds kept in the store (dx-exporter record), per build and kind.",
            [t(f"histogram_quantile(0.5, sum by (le, project, build, kind) (dx_build_recorded_duration_seconds_bucket{{{S}}}))", "p50 {{project}} {{build}} ({{kind}})"),
             t(f"histogram_quantile(0.95, sum by (le, project, build, kind) (dx_build_recorded_duration_seconds_bucket{{{S}}}))", "p95 {{project}} {{build}} ({{kind}})")], "s")
    b.panel("timeseries", "Build peak memory", "Peak resident memory of the latest recorded build's process tree.",
            [t(f"dx_build_peak_memory_bytes{{{S}}}", "{{project}} {{build}} ({{kind}})")], "bytes")
    b.panel("timeseries", "Build CPU time", "CPU seconds of the latest recorded build's process tree, user and system.",
            [t(f"dx_build_cpu_seconds{{{S}}}", "{{project}} {{build}} ({{kind}}) {{mode}}")], "s")
    b.panel("stat", "Last recorded build", "Time since the latest recorded build of each name and kind started.",
            [t(f"time() - dx_build_start_timestamp_seconds{{{S}}}", "{{project}} {{build}} ({{kind}})")], "s")
    b.panel("timeseries", "cargo --timings total", "Total time and compiled (dirty) units of the newest cargo --timings report.",
            [t(f"dx_build_timings_duration_seconds{{{S}}}", "{{project}} {{report}} seconds"),
             t(f"dx_build_timings_units{{{S}}}", "{{project}} {{report}} units")], "short")
    b.panel("stat", "cargo --timings report age", "Time since the newest cargo --timings report was written.",
            [t(f"time() - dx_build_timings_timestamp_seconds{{{S}}}", "{{project}} {{report}}")], "s")
    b.panel("timeseries", "Compiler cache hits and misses", "The tool's counters since its last reset (sccache --zero-stats, ccache -z).",
            [t(f"dx_build_cache_hits{{{S}}}", "{{project}} {{cache}} hits"),
             t(f"dx_build_cache_misses{{{S}}}", "{{project}} {{cache}} misses")], "short")
    b.row("Dependencies")
    b.panel("timeseries", "Distinct dependencies", "Distinct external direct dependencies per ecosystem. Lines: target 50, gate 75.",
            [t(f"dx_dependencies_distinct{{{S}}}", "{{project}} {{ecosystem}}")], "short", DEPENDENCIES)
    b.panel("bargauge", "Direct dependencies per package", "Dependencies declared by each workspace member / module, by kind.",
            [t(f"sum by (project, ecosystem, package, kind) (dx_dependencies{{{S}}})",
               "{{project}} {{package}} ({{ecosystem}}, {{kind}})")], "short")
    b.panel("timeseries", "Locked packages", "Packages in the lockfile by source.",
            [t(f"dx_dependencies_locked{{{S}}}", "{{project}} {{ecosystem}} {{source}}")], "short")
    b.panel("timeseries", "Duplicated packages", "Package names locked in more than one version.",
            [t(f"dx_dependencies_duplicated{{{S}}}", "{{project}} {{ecosystem}}")], "short")
    b.row("Build cache")
    b.panel("timeseries", "Build cache size", "Disk usage of each of the project's own caches (scope project; allocated blocks, like du -s). Lines: target 5 GB, gate 6 GB, alert 10 GB. A size with dx_cache_scan_complete 0 is a lower bound.",
            [t(f'dx_cache_size_bytes{{scope="project", {S}}}', "{{project}} {{cache}}")], "decbytes", CACHE)
    b.panel("timeseries", "User caches (shared by every project)", "Per-user caches of the ecosystems the projects use (scope user: ~/.cargo/registry, ~/.m2/repository, ~/.npm, Go modules). Shared by every project on the host, so they carry no project label, are never summed per project, and no cache alert or card line reads them. Lines: target 5 GB, gate 6 GB, alert 10 GB, for scale.",
            [t('dx_cache_size_bytes{scope="user", job=~"$job", instance=~"$instance"}', "{{cache}}")], "decbytes", CACHE)
    b.panel("timeseries", "Stale cache bytes", "Bytes in files not modified for the cache's stale_after (default 7 days): what a cleanup would free.",
            [t(f"dx_cache_stale_bytes{{{S}}}", "{{project}} {{cache}}")], "decbytes")
    b.panel("timeseries", "Apparent cache size", "Sum of file sizes (like du -sb); far below the disk usage means many small files or sparse files.",
            [t(f"dx_cache_apparent_size_bytes{{{S}}}", "{{project}} {{cache}}")], "decbytes")
    b.panel("timeseries", "Cache entries", "Files and directories seen in the last scan of each cache.",
            [t(f"dx_cache_files{{{S}}}", "{{project}} {{cache}} files"),
             t(f"dx_cache_directories{{{S}}}", "{{project}} {{cache}} directories")], "short")
    b.panel("timeseries", "Time since the last write", "Age of the newest file in each cache: a cache nobody writes to any more is a cleanup candidate.",
            [t(f"time() - dx_cache_newest_file_timestamp_seconds{{{S}}}", "{{project}} {{cache}}")], "s")
    b.panel("timeseries", "Free space on the cache's volume", "Available / total bytes of the filesystem holding each cache.",
            [t(f"dx_filesystem_avail_bytes{{{S}}} / dx_filesystem_size_bytes{{{S}}}", "{{project}} {{cache}}")],
            "percentunit")
    return b


def test_performance():
    b = Board("dx-test-performance", "dx-exporter / Test Performance",
              "Test suite time, per-suite breakdown, flaky rate and coverage (roadmap: Test Performance).")
    b.row("Suite")
    b.panel("timeseries", "Full suite time", "Wall time of the last test run per report. Lines: feedback 120 s, target / gate 300 s, alert 600 s.",
            [t(f"dx_tests_duration_seconds{{{S}}}", "{{project}} {{report}}")], "s", TEST_SUITE)
    b.panel("bargauge", "Per-suite time", "Slowest suites (crate / binary / class) of the last run.",
            [t(f"topk(20, dx_test_suite_duration_seconds{{{S}}})", "{{project}} {{suite}}")], "s")
    b.panel("timeseries", "Test results", "Test cases of the last run by result.",
            [t(f"sum by (project, result) (dx_tests{{{S}}})", "{{project}} {{result}}")], "short", stack=True)
    b.panel("timeseries", "Flaky test rate", "Flaky test cases / distinct cases over the flaky window. Line: alert 5 %.",
            [t(f"dx_tests_flaky_ratio{{{S}}}", "{{project}}")], "percentunit", FLAKY)
    b.panel("timeseries", "Flaky window", "What the flaky rate is computed from: reports and distinct cases in the window, and the flaky ones. A rate over few reports says little.",
            [t(f"dx_tests_window_reports{{{S}}}", "{{project}} reports"),
             t(f"dx_tests_window_cases{{{S}}}", "{{project}} cases"),
             t(f"dx_tests_flaky_cases{{{S}}}", "{{project}} flaky cases"),
             t(f"dx_tests_flaky_window_seconds{{{S}}} / 86400", "{{project}} window (days)")], "short")
    b.panel("timeseries", "Report age", "Time since the latest test and coverage report of each name was ingested.",
            [t(f"time() - dx_tests_report_timestamp_seconds{{{S}}}", "{{project}} {{report}} tests"),
             t(f"time() - dx_coverage_report_timestamp_seconds{{{S}}}", "{{project}} {{report}} coverage")], "s")
    b.row("Coverage")
    b.panel("timeseries", "Coverage", "Line and branch coverage per report.",
            [t(f"dx_coverage_ratio{{{S}}}", "{{project}} {{report}} {{kind}}")], "percentunit")
    b.panel("timeseries", "Coverage drop", "Line coverage below its 7-day high, in ratio points. Line: alert 0.05.",
            [t(f"max_over_time(dx_coverage_ratio{{{S}, kind=\"line\"}}[7d]) - dx_coverage_ratio{{{S}, kind=\"line\"}}",
               "{{project}} {{report}}")], "percentunit", COVERAGE_DROP)
    b.panel("timeseries", "Covered and instrumented", "Covered and instrumented lines and branches of the latest report (sum these across reports, not the ratios).",
            [t(f"dx_coverage_covered{{{S}}}", "{{project}} {{report}} {{kind}} covered"),
             t(f"dx_coverage_instrumented{{{S}}}", "{{project}} {{report}} {{kind}} instrumented")], "short", w=24)
    return b


def ci_performance():
    b = Board("dx-ci-performance", "dx-exporter / CI/CD Performance",
              "Pipeline duration, job breakdown, success rate and cache restore time (roadmap: CI/CD Performance).")
    b.row("Pipelines")
    b.panel("timeseries", "Pipeline duration p50 / p95", "Run duration percentiles over the last day. Line: target 15 min.",
            [t(f"project_pipeline:dx_ci_run_duration_seconds:p50_1d{{{S}}}", "{{project}} {{pipeline}} p50"),
             t(f"project_pipeline:dx_ci_run_duration_seconds:p95_1d{{{S}}}", "{{project}} {{pipeline}} p95")],
            "s", CI_DURATION)
    b.panel("timeseries", "Latest run duration", "Duration of the latest finished run. Line: target 15 min.",
            [t(f"dx_ci_last_run_duration_seconds{{{S}}}", "{{project}} {{pipeline}}")], "s", CI_DURATION)
    b.panel("timeseries", "Success rate", "Successful / finished runs over the configured window. Lines: alert 90 %, target 95 %.",
            [t(f"dx_ci_success_ratio{{{S}}}", "{{project}} {{pipeline}}")], "percentunit", CI_SUCCESS, base="red")
    b.panel("timeseries", "Runs in the success window", "Finished and successful default-branch runs behind the success rate; the CI alerts need at least 5 finished runs.",
            [t(f"dx_ci_window_finished_runs{{{S}}}", "{{project}} {{pipeline}} finished"),
             t(f"dx_ci_window_successful_runs{{{S}}}", "{{project}} {{pipeline}} successful")], "short")
    b.panel("timeseries", "Queue time", "Mean time first attempts waited from created to started, over the runs kept in the store.",
            [t(f"dx_ci_run_queue_seconds_sum{{{S}}} / dx_ci_run_queue_seconds_count{{{S}}}",
               "{{project}} {{pipeline}} {{branch}}")], "s")
    b.panel("stat", "Latest run succeeded", "1 when the latest finished run attempt succeeded, per pipeline and branch (default, other).",
            [t(f"dx_ci_last_run_success{{{S}}}", "{{project}} {{pipeline}} {{branch}}")], "bool_yes_no",
            steps=[(1, "green")], base="red", w=24, h=5)
    b.panel("stat", "Time since the last run", "Age of the latest finished run per pipeline and result.",
            [t(f"time() - max by (project, pipeline, result) (dx_ci_last_run_timestamp_seconds{{{S}}})",
               "{{project}} {{pipeline}} {{result}}")], "s", w=24, h=5)
    b.panel("timeseries", "Runs per day by result", "Ingested pipeline runs over the last day.",
            [t(f"sum by (project, pipeline, result) (increase(dx_ci_runs_total{{{S}}}[1d]))",
               "{{project}} {{pipeline}} {{result}}")], "short", stack=True)
    b.row("Jobs and steps")
    b.panel("timeseries", "Job breakdown", "Mean job duration over the last day, stacked per pipeline.",
            [t(f"project_pipeline_job:dx_ci_job_duration_seconds:mean_1d{{{S}}}", "{{pipeline}} {{ci_job}}")],
            "s", stack=True)
    b.panel("timeseries", "Job queue time", "Mean time jobs waited for a runner (created to started), over the completed jobs kept in the store.",
            [t(f"dx_ci_job_queue_seconds_sum{{{S}}} / dx_ci_job_queue_seconds_count{{{S}}}",
               "{{project}} {{pipeline}} {{ci_job}}")], "s")
    b.panel("timeseries", "Cache restore time", "Mean duration of cache-restore steps over the last day.",
            [t(f'project_pipeline_step:dx_ci_step_duration_seconds:mean_1d{{step=~"(?i).*cache.*", {S}}}',
               "{{pipeline}} {{ci_job}} {{step}}")], "s")
    return b


def benchmarks():
    b = Board("dx-benchmarks", "dx-exporter / Benchmark Results",
              "Benchmark estimates, throughput, change against the baseline and regressions (roadmap: Benchmark Results).")
    b.row("Results")
    b.panel("timeseries", "Estimates", "Time per iteration by statistic (mean, median, percentiles).",
            [t(f"dx_benchmark_seconds{{{S}}}", "{{benchmark}} {{statistic}}")], "s")
    b.panel("timeseries", "Throughput", "Throughput when the benchmark reports it; the unit label names the unit.",
            [t(f"dx_benchmark_throughput{{{S}}}", "{{benchmark}} ({{unit}})")], "short")
    b.panel("timeseries", "Change against baseline", "Sign-normalised change (negative = slower). Line: regression alert at -10 %.",
            [t(f"dx_benchmark_performance_change_ratio{{{S}}}", "{{benchmark}}")], "percentunit", BENCHMARK, base="red")
    b.panel("table", "Regressions", "1 when the latest change is a significant regression.",
            [t(f"dx_benchmark_regressed{{{S}}}", "")], "bool_yes_no", steps=[(1, "red")])
    b.panel("table", "Verdict available", "0 when no regression verdict could be made (too few samples and too few earlier base-branch results): no flag is not the same as fine.",
            [t(f"dx_benchmark_verdict_available{{{S}}}", "")], "bool_yes_no", steps=[(1, "green")], base="orange")
    b.panel("timeseries", "Memory per operation", "Bytes allocated per operation, where the tool reports it (Go -benchmem, JMH gc profiler, BenchmarkDotNet).",
            [t(f"dx_benchmark_memory_bytes{{{S}}}", "{{benchmark}}")], "bytes")
    b.panel("stat", "Last benchmark report", "When the latest benchmark report of each name was ingested.",
            [t(f"time() - dx_benchmark_report_timestamp_seconds{{{S}}}", "{{project}} {{report}}")], "s")
    return b


def exporter_health():
    b = Board("dx-exporter-health", "dx-exporter / Exporter Health",
              "The exporter itself: scrapes, collector runs, freshness and scan errors.")
    b.row("Exporter")
    b.panel("stat", "Target up", "Prometheus can scrape the exporter.",
            [t('up{job=~"$job", instance=~"$instance"}', "{{instance}}")], "bool_yes_no",
            steps=[(1, "green")], base="red", w=6, h=5)
    b.panel("stat", "Config reload", "1 when the last config (re)load succeeded; 0 keeps the previous config running.",
            [t('dx_config_last_reload_successful{job=~"$job", instance=~"$instance"}', "{{instance}}")], "bool_yes_no",
            steps=[(1, "green")], base="red", w=6, h=5)
    b.panel("stat", "Config age", "Time since the last successful config (re)load.",
            [t('time() - dx_config_last_reload_success_timestamp_seconds{job=~"$job", instance=~"$instance"}',
               "{{instance}}")], "s", w=6, h=5)
    b.panel("table", "Build info", "Version and revision of the running exporter.",
            [t('dx_build_info{job=~"$job", instance=~"$instance"}', "")], "short", w=6, h=5)
    b.row("Collectors")
    b.panel("timeseries", "Collector success", "1 when the collector's last run succeeded.",
            [t(f"dx_collector_success{{{S}}}", "{{project}} {{collector}}")], "bool", steps=[(1, "green")], base="red")
    b.panel("timeseries", "Scheduled run overdue, in periods", "Time past the run each collector's schedule promised next, divided by its period; below 0 the run is not due yet. DxCollectionStale fires above 1.",
            [t(f"(time() - dx_collector_next_run_timestamp_seconds{{{S}}}) / dx_collector_interval_seconds{{{S}}}",
               "{{project}} {{collector}}")], "short", steps=[(1, "red")])
    b.panel("timeseries", "Collection age in schedule periods", "Time since the last success divided by the schedule period.",
            [t(f"project_collector:dx_collector_last_success:age_seconds{{{S}}} / dx_collector_interval_seconds{{{S}}}",
               "{{project}} {{collector}}")], "short", steps=[(2, "red")])
    b.panel("timeseries", "Time since last success", "Seconds since each collector last succeeded.",
            [t(f"project_collector:dx_collector_last_success:age_seconds{{{S}}}", "{{project}} {{collector}}")], "s")
    b.panel("timeseries", "Collector run duration", "Duration of each collector's last run.",
            [t(f"dx_collector_duration_seconds{{{S}}}", "{{project}} {{collector}}")], "s")
    b.panel("timeseries", "Collector errors per hour", "Failed runs over the last hour.",
            [t(f"increase(dx_collector_errors_total{{{S}}}[1h])", "{{project}} {{collector}}")], "short")
    b.panel("timeseries", "Cache scan errors", "Entries that could not be read in the last scan.",
            [t(f"dx_cache_scan_errors{{{S}}}", "{{project}} {{cache}}")], "short")
    b.panel("timeseries", "Cache scan complete", "1 when the last scan read every entry of the cache; 0: some could not be read, so its sizes are lower bounds (DxBuildCacheScanIncomplete).",
            [t(f"dx_cache_scan_complete{{{S}}}", "{{project}} {{cache}}")], "bool", steps=[(1, "green")], base="red")
    b.panel("timeseries", "Dependency manifests read", "1 when the ecosystem's manifests parsed in the last run; 0 keeps the last good counts.",
            [t(f"dx_dependencies_read_success{{{S}}}", "{{project}} {{ecosystem}}")], "bool", steps=[(1, "green")], base="red")
    b.row("GitHub")
    b.panel("timeseries", "Webhook deliveries per hour", "GitHub deliveries by outcome; unauthorized ones were signed wrongly or not at all.",
            [t(f"sum by (project, outcome) (increase(dx_github_webhook_deliveries_total{{{S}}}[1h]))",
               "{{project}} {{outcome}}")], "short", stack=True)
    b.panel("timeseries", "Clamped CI timestamps per hour", "Impossible timestamps in GitHub's run and job descriptions that were clamped.",
            [t(f"increase(dx_ci_timestamps_clamped_total{{{S}}}[1h])", "{{project}}")], "short")
    b.panel("timeseries", "GitHub API requests per hour", "Responses by status; 304s cost no quota.",
            [t(f"sum by (project, status) (increase(dx_github_api_requests_total{{{S}}}[1h]))",
               "{{project}} {{status}}")], "short", stack=True)
    b.panel("timeseries", "GitHub API quota remaining", "X-RateLimit-Remaining of the latest response.",
            [t(f"dx_github_api_rate_limit_remaining{{{S}}}", "{{project}}")], "short")
    b.panel("timeseries", "GitHub API throttled", "Share of time spent waiting for rate limits and backing off.",
            [t(f"rate(dx_github_api_throttled_seconds_total{{{S}}}[$__rate_interval])", "{{project}}")], "percentunit")
    b.panel("timeseries", "GitHub poll success", "1 when the latest poll of the repository completed.",
            [t(f"dx_github_poll_success{{{S}}}", "{{project}} {{repository}}")], "bool", steps=[(1, "green")], base="red")
    b.panel("timeseries", "Cache directory present", "1 when the configured cache directory exists.",
            [t(f"dx_cache_present{{{S}}}", "{{project}} {{cache}}")], "bool")
    b.panel("timeseries", "Reports taken in per hour", "Test and coverage reports ingested, by way in and outcome (duplicate: the same identity was stored before).",
            [t(f"increase(dx_reports_ingested_total{{{S}}}[1h])", "{{project}} {{source}} {{via}} {{outcome}}")], "short")
    b.panel("timeseries", "Reports refused per hour", "Malformed, too large, or the store unavailable; the log names the file and line.",
            [t(f"increase(dx_reports_refused_total{{{S}}}[1h])", "{{project}} {{source}} {{via}}")], "short")
    b.row("Store")
    J = 'job=~"$job", instance=~"$instance"'
    b.panel("stat", "Store up", "1 when the store of ingested results can be used; 0: ingestion answers 503.",
            [t(f"dx_store_up{{{J}}}", "{{instance}}")], "bool_yes_no", steps=[(1, "green")], base="red", w=6, h=5)
    b.panel("stat", "Store size", "Disk used by the store (database and logs).",
            [t(f"dx_store_size_bytes{{{J}}}", "{{instance}}")], "bytes", w=6, h=5)
    b.panel("stat", "Last write", "Time since the store's last successful write.",
            [t(f"time() - dx_store_last_write_timestamp_seconds{{{J}}}", "{{instance}}")], "s", w=6, h=5)
    b.panel("stat", "Store errors per hour", "Failed reads and writes of the store over the last hour.",
            [t(f"increase(dx_store_write_errors_total{{{J}}}[1h])", "{{instance}} writes"),
             t(f"increase(dx_store_read_errors_total{{{J}}}[1h])", "{{instance}} reads")], "short", w=6, h=5)
    b.panel("timeseries", "Store rows", "Rows per table; retention and the row bound keep them from growing without end.",
            [t(f"dx_store_rows{{{J}}}", "{{instance}} {{table}}")], "short", w=24)
    return b


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dashboards")
    for board in (quick_reference(), build_performance(), test_performance(), ci_performance(), benchmarks(),
                  exporter_health()):
        with open(os.path.join(out, board.uid + ".json"), "w") as f:
            json.dump(board.json(), f, indent=2)
            f.write("\n")
        print("wrote", board.uid)
