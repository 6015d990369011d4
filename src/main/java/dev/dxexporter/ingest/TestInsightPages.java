package dev.dxexporter.ingest;

import dev.dxexporter.http.PageSection;
import dev.dxexporter.store.FlakyTest;
import dev.dxexporter.store.SlowTest;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The landing page's tables of flaky and slowest tests, per project, from {@link TestInsights}. */
public final class TestInsightPages {
  /**
   * Rows shown per table on the page (the JSON endpoints give up to {@link TestInsights#LIMIT}).
   */
  static final int ROWS = 10;

  private TestInsightPages() {}

  public static List<PageSection> of(TestInsights insights, List<String> projects) {
    List<PageSection> out = new ArrayList<>();
    for (String project : projects) {
      insights
          .of(project)
          .ifPresent(
              s -> {
                List<List<String>> flaky = new ArrayList<>();
                for (FlakyTest f : s.flaky().subList(0, Math.min(ROWS, s.flaky().size()))) {
                  flaky.add(
                      List.of(
                          f.reportName(),
                          f.className().isEmpty() ? f.suite() : f.className(),
                          f.testName(),
                          Long.toString(f.timesFlaky()),
                          f.lastSeen().truncatedTo(ChronoUnit.SECONDS).toString(),
                          f.lastCommit() == null ? "" : f.lastCommit()));
                }
                out.add(
                    new PageSection(
                        "Flaky tests of "
                            + project
                            + " (since "
                            + s.windowFrom().truncatedTo(ChronoUnit.SECONDS)
                            + ")",
                        List.of(
                            "report", "class", "test", "times flaky", "last seen", "last commit"),
                        flaky,
                        "No flaky test in the window."));
                List<List<String>> slow = new ArrayList<>();
                for (Map.Entry<String, List<SlowTest>> e : s.slowestByReport().entrySet()) {
                  for (SlowTest t : e.getValue().subList(0, Math.min(ROWS, e.getValue().size()))) {
                    slow.add(
                        List.of(
                            e.getKey(),
                            t.className().isEmpty() ? t.suite() : t.className(),
                            t.testName(),
                            String.format(Locale.ROOT, "%.3f s", t.seconds())));
                  }
                }
                out.add(
                    new PageSection(
                        "Slowest tests of " + project + " (latest report of each name)",
                        List.of("report", "class", "test", "time"),
                        slow,
                        "No test report yet."));
              });
    }
    return out;
  }
}
