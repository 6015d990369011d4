package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dashboard-linter's rules and the project's conventions on every shipped dashboard. */
class DashboardLintTest {

  static Stream<Dashboard> dashboards() {
    return Dashboard.shipped().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dashboards")
  void dashboardPassesTheLinter(Dashboard dashboard) {
    assertThat(DashboardLinter.lint(dashboard)).isEmpty();
  }

  @Test
  void theRoadmapsDashboardsAndTheHealthDashboardShipWithUniqueUids() {
    List<Dashboard> all = Dashboard.shipped();
    Set<String> uids = new HashSet<>();
    all.forEach(d -> assertThat(uids.add(d.uid())).as("duplicate uid " + d.uid()).isTrue());

    assertThat(uids)
        .containsExactlyInAnyOrder(
            "dx-quick-reference",
            "dx-build-performance",
            "dx-test-performance",
            "dx-ci-performance",
            "dx-benchmarks",
            "dx-exporter-health");
  }

  @Test
  void panelIdsAreUniqueWithinADashboard() {
    for (Dashboard d : Dashboard.shipped()) {
      Set<Integer> ids = new HashSet<>();
      d.json()
          .path("panels")
          .forEach(p -> assertThat(ids.add(p.path("id").asInt())).as(d.file()).isTrue());
    }
  }
}
