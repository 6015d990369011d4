package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.ops.RenderedChart;
import dev.dxexporter.ops.RepoFiles;
import dev.dxexporter.ops.RuleFile;
import dev.dxexporter.ops.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * promtool and amtool (Debian packages) on the shipped rules, unit tests, dashboards and
 * Alertmanager config.
 */
class PromtoolIT {

  @Test
  void ruleFileIsValid() {
    Command check =
        Command.run(List.of(Binaries.promtool(), "check", "rules", RepoFiles.RULES.toString()));

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS");
  }

  @Test
  void ruleUnitTestsPass() {
    List<String> command = new ArrayList<>(List.of(Binaries.promtool(), "test", "rules"));
    RepoFiles.list(RepoFiles.RULE_TESTS, ".yml")
        .forEach(f -> command.add(f.getFileName().toString()));
    Command test = Command.run(RepoFiles.RULE_TESTS, command);

    assertThat(command).hasSizeGreaterThan(3);
    assertThat(test.exit()).as(test.output()).isZero();
    assertThat(test.output()).doesNotContain("FAILED");
  }

  /** A change to the rule file that the unit tests must catch. */
  record Mutation(String original, String mutated) {
    @Override
    public String toString() {
      return original.strip().replace('\n', ' ') + " -> " + mutated.strip().replace('\n', ' ');
    }
  }

  static Stream<Mutation> mutations() {
    return Stream.of(
        // The roadmap's numbers, used by a project that exports no threshold (thresholds.test.yml).
        new Mutation(
            "(dx_cache_size_bytes{scope=\"project\"}) * 0 + 10e9)",
            "(dx_cache_size_bytes{scope=\"project\"}) * 0 + 11e9)"),
        new Mutation(
            "max without (pod, instance) (dx_cache_size_bytes{scope=\"project\"})\n"
                + "            > on(project) group_left()\n"
                + "          (dx_objective_threshold{objective=\"build_cache_size\",level=\"gate\"}",
            "max without (pod, instance) (dx_cache_size_bytes{scope=\"project\"})\n"
                + "            >= on(project) group_left()\n"
                + "          (dx_objective_threshold{objective=\"build_cache_size\",level=\"gate\"}"),
        new Mutation("(dx_ci_success_ratio) * 0 + 0.90)", "(dx_ci_success_ratio) * 0 + 0.89)"),
        new Mutation(
            "(dx_tests_duration_seconds) * 0 + 600))\n        for: 5m",
            "(dx_tests_duration_seconds) * 0 + 600))\n        for: 4m"),
        // The project's own line (objectives.test.yml): the wrong level, or no fallback at all.
        new Mutation(
            "dx_objective_threshold{objective=\"dependencies\",level=\"gate\"}",
            "dx_objective_threshold{objective=\"dependencies\",level=\"target\"}"),
        new Mutation(
            "or on(project) (max by (project) (dx_build_duration_seconds{kind=\"clean\"}) * 0 + 300))",
            ")"),
        // Issue 11: a promised run a period overdue, not two; and not the age of the last success.
        new Mutation(
            "dx_collector_next_run_timestamp_seconds > dx_collector_interval_seconds",
            "dx_collector_next_run_timestamp_seconds > 2 * dx_collector_interval_seconds"),
        new Mutation(
            "(time() - dx_collector_next_run_timestamp_seconds",
            "(time() - dx_collector_last_success_timestamp_seconds"),
        // No flapping, one identity per problem, evidence before a page (issue 11).
        new Mutation("keep_firing_for: 10m", "keep_firing_for: 0s"),
        new Mutation(
            "max without (pod, instance) (dx_cache_size_bytes{scope=\"project\"})",
            "(dx_cache_size_bytes{scope=\"project\"})"),
        // Issue 11: user caches (shared by every project) raise no cache-size alert; an incomplete
        // scan is visible.
        new Mutation("dx_cache_size_bytes{scope=\"project\"}", "dx_cache_size_bytes"),
        new Mutation(
            "(dx_cache_scan_errors and dx_cache_scan_complete == 0)",
            "(dx_cache_scan_errors and dx_cache_scan_complete == 1)"),
        new Mutation("unless dx_collector_success == 0", ""),
        new Mutation(
            ") >= 2\n            and dx_collector_success == 0",
            ") >= 1\n            and dx_collector_success == 0"),
        new Mutation(
            "changes(dx_tests_report_timestamp_seconds[1d]) >= 1",
            "changes(dx_tests_report_timestamp_seconds[1d]) >= 0"),
        new Mutation(
            "humanizePercentage }} of its finished runs", "humanize }} of its finished runs"));
  }

  /**
   * The unit tests bite: a line moved, a `for:` shortened or an annotation changed makes them fail.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void unitTestsFailOnAMutatedRuleFile(Mutation mutation, @TempDir Path dir) throws IOException {
    String rules = RepoFiles.read(RepoFiles.RULES);
    assertThat(rules).contains(mutation.original());
    Files.createDirectories(dir.resolve("tests"));
    Files.writeString(
        dir.resolve("dx-exporter.rules.yml"),
        rules.replace(mutation.original(), mutation.mutated()));
    List<String> command = new ArrayList<>(List.of(Binaries.promtool(), "test", "rules"));
    for (Path test : RepoFiles.list(RepoFiles.RULE_TESTS, ".yml")) {
      Files.copy(test, dir.resolve("tests").resolve(test.getFileName()));
      command.add(test.getFileName().toString());
    }

    Command test = Command.run(dir.resolve("tests"), command);

    assertThat(test.exit()).as(test.output()).isNotZero();
  }

  @Test
  void everyDashboardQueryParsesAsPromQL(@TempDir Path dir) throws IOException {
    // target-promql-rule / template-label-promql-rule with the real parser: each query becomes a
    // recording rule.
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
    List<PanelQuery> queries = PanelQuery.shipped();
    for (int i = 0; i < queries.size(); i++) {
      rules
          .append("      - record: dashboard_query_")
          .append(i)
          .append('\n')
          .append("        expr: '")
          .append(queries.get(i).expr().replace("'", "''"))
          .append("'\n");
    }
    Path file = Files.writeString(dir.resolve("queries.yml"), rules);

    Command check = Command.run(List.of(Binaries.promtool(), "check", "rules", file.toString()));

    assertThat(queries).hasSizeGreaterThan(40);
    assertThat(check.exit()).as(check.output() + "\n" + rules).isZero();
  }

  @Test
  void helmRenderedPrometheusRuleLoadsInPrometheus(@TempDir Path dir) throws IOException {
    Map<String, Object> rule =
        RenderedChart.render(RepoFiles.CHART_ALL_FEATURES).single("PrometheusRule");
    Path file =
        Files.writeString(
            dir.resolve("rendered.yml"),
            TestConfigs.dump(Map.of("groups", Yaml.at(rule, "spec.groups"))));

    Command check = Command.run(List.of(Binaries.promtool(), "check", "rules", file.toString()));

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("SUCCESS: " + RuleFile.shipped().rules().size() + " rules found");
  }

  @Test
  void alertmanagerExampleIsValid() {
    Command check =
        Command.run(
            List.of(Binaries.amtool(), "check-config", RepoFiles.ALERTMANAGER_EXAMPLE.toString()));

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS");
  }

  @ParameterizedTest(name = "severity={0} -> {1}")
  @CsvSource({"critical, pager", "warning, ticket", "info, digest", "'', ticket"})
  void alertmanagerExampleRoutesBySeverity(String severity, String receiver) {
    Command route =
        Command.run(
            List.of(
                Binaries.amtool(),
                "config",
                "routes",
                "test",
                "--config.file=" + RepoFiles.ALERTMANAGER_EXAMPLE,
                "alertname=DxAnything",
                "severity=" + severity));

    assertThat(route.exit()).as(route.output()).isZero();
    assertThat(route.output().lines().filter(l -> !l.startsWith("Warning:")).toList())
        .containsExactly(receiver);
  }
}
