package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.ops.RuleFile.Rule;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The monitoring-mixins conventions (conventions.md §4.1) on alerts/dx-exporter.rules.yml. */
class RuleConventionsTest {
  private static final RuleFile RULES = RuleFile.shipped();
  private static final String RUNBOOK_PREFIX =
      "https://github.com/dx-exporter/dx-exporter/blob/main/alerts/RUNBOOK.md#";

  @Test
  void alertNamesAreCamelCaseWithTheCommonPrefix() {
    assertThat(RULES.alerts())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.alert()).matches("Dx([A-Z][a-z]*|CI)+"));
  }

  @Test
  void everyAlertRidesOutBlipsAndHasSeverityObjectiveAndAnnotations() {
    assertThat(RULES.alerts())
        .allSatisfy(
            r -> {
              assertThat(r.forDuration()).as(r.alert() + " for").matches("[1-9][0-9]*[mh]");
              assertThat(r.labels())
                  .as(r.alert() + " labels")
                  .containsOnlyKeys("severity", "objective");
              assertThat(r.labels().get("severity")).isIn("critical", "warning", "info");
              assertThat(r.annotations())
                  .as(r.alert())
                  .containsOnlyKeys("summary", "description", "runbook_url");
              // Summary: a sentence, static (no templating) so it reads the same for every alert of
              // a group.
              assertThat(r.annotations().get("summary"))
                  .matches("[A-Za-z].*\\.")
                  .doesNotContain("{{");
              assertThat(r.annotations().get("description")).endsWith(".");
            });
  }

  @Test
  void descriptionsNameTheSubjectAndHumanizeTheValue() {
    for (Rule r : RULES.alerts()) {
      String description = r.annotations().get("description");
      String expr = series(r);
      if (expr.startsWith("dx_config_")) {
        // Exporter-wide series (no project label): the subject is the exporter instance.
        assertThat(description).as(r.alert()).contains("{{ $labels.instance }}");
      } else if (expr.startsWith("dx_")) {
        assertThat(description).as(r.alert()).contains("{{ $labels.project }}");
        // A 0/1 state (`== 0`) has no value worth printing; every measured value is shown.
        if (!r.expr().endsWith("== 0")) {
          assertThat(description).as(r.alert()).contains("{{ $value");
        }
      }
      // Raw floats like 1.0000001e+10 are unreadable: values go through a humanize function.
      Matcher value = Pattern.compile("\\{\\{ \\$value([^}]*)}}").matcher(description);
      while (value.find()) {
        if (!expr.startsWith("dx_dependencies_distinct")) {
          assertThat(value.group(1)).as(r.alert()).contains("humanize");
        }
      }
    }
  }

  /** The compared series, looked for through the `max without (pod, instance) (` aggregation. */
  private static String series(Rule r) {
    return r.expr().replaceFirst("^max without \\(pod, instance\\) \\(\\s*\\(?\\s*", "").strip();
  }

  /**
   * No flapping (issue 11): every alert over the exporter's series aggregates away the scrape
   * target, so a rollout keeps the alert's identity, and keeps firing through a failed scrape.
   */
  @Test
  void projectAlertsSurviveAFailedScrapeAndARollout() {
    String text = RepoFiles.read(RepoFiles.RULES);
    for (Rule r : RULES.alerts()) {
      if (r.expr().contains("up{")) {
        continue;
      }
      String block = text.substring(text.indexOf("- alert: " + r.alert() + "\n"));
      block = block.substring(0, Math.max(block.indexOf("runbook_url"), 0));
      assertThat(block).as(r.alert()).contains("keep_firing_for: ");
      if (!r.expr().startsWith("dx_config_")) {
        assertThat(r.expr()).as(r.alert()).startsWith("max without (pod, instance) (");
      }
    }
  }

  @Test
  void runbookUrlsPointToAnExistingRunbookSection() {
    Set<String> anchors =
        RepoFiles.read(RepoFiles.RUNBOOK)
            .lines()
            .filter(l -> l.startsWith("## "))
            .map(l -> l.substring(3).strip().toLowerCase(Locale.ROOT).replace(' ', '-'))
            .collect(Collectors.toSet());

    assertThat(RULES.alerts())
        .allSatisfy(
            r -> {
              assertThat(r.annotations().get("runbook_url"))
                  .isEqualTo(RUNBOOK_PREFIX + r.alert().toLowerCase(Locale.ROOT));
              assertThat(anchors).contains(r.alert().toLowerCase(Locale.ROOT));
            });
  }

  @Test
  void recordingRulesFollowLevelMetricOperations() {
    assertThat(RULES.rules().stream().filter(r -> !r.isAlert()))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.record()).matches("[a-z_]+:dx_[a-z0-9_]+:[a-z0-9_]+"));
  }

  @Test
  void onlyTheUpAlertsSelectTheJobAndTheyShareOneSelector() {
    for (Rule r : RULES.alerts()) {
      if (r.expr().contains("up{")) {
        assertThat(r.expr()).contains("up{job=~\".*dx-exporter.*\"}");
      } else {
        assertThat(r.expr()).doesNotContain("job=");
      }
    }
  }

  @Test
  void everyAlertHasAPromtoolTestThatExpectsItToFire() {
    String tests =
        RepoFiles.list(RepoFiles.RULE_TESTS, ".yml").stream()
            .map(RepoFiles::read)
            .collect(Collectors.joining("\n"));

    // promtool itself runs these files (e2e); this only catches an alert added without any unit
    // test.
    assertThat(RULES.alerts())
        .allSatisfy(
            r ->
                assertThat(tests)
                    .as(r.alert())
                    .containsPattern(
                        "alertname: " + r.alert() + "\\s+exp_alerts:\\s+- exp_labels:"));
  }
}
