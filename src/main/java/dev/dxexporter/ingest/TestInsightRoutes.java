package dev.dxexporter.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.http.Authentication;
import dev.dxexporter.http.Exchange;
import dev.dxexporter.http.Route;
import dev.dxexporter.store.FlakyTest;
import dev.dxexporter.store.SlowTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/projects/{project}/tests/flaky} and {@code /slowest}: the names of a project's
 * flaky tests over the window and of the slowest tests of each latest report, as JSON, from what
 * the test collector last computed (no database work per request), behind the web config's auth.
 */
public final class TestInsightRoutes {
  /** Built on first use, not when the routes are wired: Jackson stays off the start-up path. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private TestInsightRoutes() {}

  public static List<Route> of(TestInsights insights) {
    return List.of(
        Route.get(
            "/api/v1/projects/{project}/tests/flaky",
            Authentication.WEB_CONFIG,
            ex -> flaky(ex, insights)),
        Route.get(
            "/api/v1/projects/{project}/tests/slowest",
            Authentication.WEB_CONFIG,
            ex -> slowest(ex, insights)));
  }

  private static Optional<TestInsights.Snapshot> snapshot(Exchange ex, TestInsights insights)
      throws IOException {
    String project = ex.pathParam("project").orElseThrow();
    Optional<TestInsights.Snapshot> s = insights.of(project);
    if (s.isEmpty()) {
      ex.respond(
          404,
          "application/json",
          Json.MAPPER.writeValueAsBytes(
              Map.of("error", "no test results for project " + project + " (yet)")));
    }
    return s;
  }

  private static void flaky(Exchange ex, TestInsights insights) throws IOException {
    Optional<TestInsights.Snapshot> s = snapshot(ex, insights);
    if (s.isEmpty()) {
      return;
    }
    List<Map<String, Object>> tests = new ArrayList<>();
    for (FlakyTest f : s.get().flaky()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("report", f.reportName());
      t.put("suite", f.suite());
      t.put("class", f.className());
      t.put("name", f.testName());
      t.put("times_flaky", f.timesFlaky());
      t.put("last_seen", f.lastSeen().toString());
      t.put("last_commit", f.lastCommit());
      tests.add(t);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("project", ex.pathParam("project").orElseThrow());
    body.put("window_from", s.get().windowFrom().toString());
    body.put("computed_at", s.get().computedAt().toString());
    body.put("tests", tests);
    ex.respond(200, "application/json", Json.MAPPER.writeValueAsBytes(body));
  }

  private static void slowest(Exchange ex, TestInsights insights) throws IOException {
    Optional<TestInsights.Snapshot> s = snapshot(ex, insights);
    if (s.isEmpty()) {
      return;
    }
    Map<String, Object> reports = new LinkedHashMap<>();
    s.get()
        .slowestByReport()
        .forEach(
            (report, list) -> {
              List<Map<String, Object>> tests = new ArrayList<>();
              for (SlowTest t : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("suite", t.suite());
                m.put("class", t.className());
                m.put("name", t.testName());
                m.put("seconds", t.seconds());
                tests.add(m);
              }
              reports.put(report, tests);
            });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("project", ex.pathParam("project").orElseThrow());
    body.put("computed_at", s.get().computedAt().toString());
    body.put("reports", reports);
    ex.respond(200, "application/json", Json.MAPPER.writeValueAsBytes(body));
  }
}
