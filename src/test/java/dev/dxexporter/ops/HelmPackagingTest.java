package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart works on its own: packaged with {@code helm package}, or copied out of the repository.
 * Its files/ are copies of the shipped rule file and dashboards (Helm refuses symlinks when it
 * loads a chart directory), kept identical to them here.
 */
class HelmPackagingTest {
  private static final Path FILES = RepoFiles.CHART.resolve("files");
  private static final String SYNC =
      "run: cp alerts/dx-exporter.rules.yml helm/dx-exporter/files/ && rm -f"
          + " helm/dx-exporter/files/dashboards/*.json && cp grafana/dashboards/*.json"
          + " helm/dx-exporter/files/dashboards/";

  @Test
  void chartFilesAreExactCopiesOfTheShippedRulesAndDashboards() throws IOException {
    Path rules = FILES.resolve("dx-exporter.rules.yml");

    assertThat(Files.isSymbolicLink(rules)).isFalse();
    assertThat(Files.readString(rules)).as(SYNC).isEqualTo(Files.readString(RepoFiles.RULES));
    List<Path> copies = RepoFiles.list(FILES.resolve("dashboards"), ".json");
    List<Path> shipped = RepoFiles.list(RepoFiles.DASHBOARDS, ".json");
    assertThat(copies.stream().map(p -> p.getFileName().toString()))
        .as(SYNC)
        .containsExactlyElementsOf(shipped.stream().map(p -> p.getFileName().toString()).toList());
    for (Path copy : copies) {
      assertThat(Files.isSymbolicLink(copy)).isFalse();
      assertThat(Files.readString(copy))
          .as("%s: %s", copy.getFileName(), SYNC)
          .isEqualTo(Files.readString(RepoFiles.DASHBOARDS.resolve(copy.getFileName())));
    }
  }

  @Test
  void packagedChartLintsAndRendersTheShippedRulesAndDashboards(@TempDir Path dir) {
    new Helm(RepoFiles.CHART).packageIt().withDestination(dir).call();
    Path archive = dir.resolve("dx-exporter-" + chartVersion() + ".tgz");

    assertThat(archive).exists();
    var lint = new Helm(archive).lint().strict().call();
    assertThat(lint.isFailed()).as("lint of %s: %s", archive, lint.getMessages()).isFalse();
    assertRendersEverything(archive);
  }

  @Test
  void aCopyOfTheChartDirectoryRenders(@TempDir Path dir) throws IOException {
    assertRendersEverything(RenderedChart.copyOfChart(dir));
  }

  private static void assertRendersEverything(Path chart) {
    RenderedChart rendered =
        RenderedChart.render(chart, RenderedChart.RELEASE, List.of(RepoFiles.CHART_ALL_FEATURES));
    Object shippedGroups = Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.RULES))).get("groups");

    assertThat(Yaml.list(Yaml.at(rendered.single("PrometheusRule"), "spec.groups")))
        .hasSameSizeAs(Yaml.list(shippedGroups));
    assertThat(
            rendered.ofKind("ConfigMap").stream()
                .filter(c -> Yaml.at(c, "metadata.labels.grafana_dashboard") != null))
        .hasSameSizeAs(RepoFiles.list(RepoFiles.DASHBOARDS, ".json"));
  }

  private static String chartVersion() {
    Map<String, Object> chart =
        Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.CHART.resolve("Chart.yaml"))));
    return (String) chart.get("version");
  }
}
