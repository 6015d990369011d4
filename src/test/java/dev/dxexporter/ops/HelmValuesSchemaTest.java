package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.dxexporter.Main;
import dev.dxexporter.config.ConfigSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * values.schema.json refuses what the exporter would refuse, so a typo fails at {@code helm
 * template} / {@code helm lint} instead of crash-looping the pod.
 */
class HelmValuesSchemaTest {
  @TempDir Path dir;

  @Test
  void aTypoInTheConfigFailsTheTemplateNamingTheKey() throws IOException {
    Path global = values("config:\n  global:\n    cachez:\n      schedule: 5m\n  projects: []\n");
    Path project =
        values("config:\n  projects:\n    - name: demo\n      path: /p\n      cachez: []\n");
    Path top = values("config:\n  projets: []\n  projects: []\n");

    assertThatThrownBy(() -> RenderedChart.render(global))
        .hasMessageContaining("cachez")
        .hasMessageContaining("/config/global");
    assertThatThrownBy(() -> RenderedChart.render(project)).hasMessageContaining("cachez");
    assertThatThrownBy(() -> RenderedChart.render(top)).hasMessageContaining("projets");
  }

  @Test
  void aTypoInTheConfigFailsLint() throws IOException {
    Path chart = RenderedChart.copyOfChart(dir);
    Path valuesYaml = chart.resolve("values.yaml");
    Files.writeString(
        valuesYaml, Files.readString(valuesYaml).replace("\n    cache:\n", "\n    cachez:\n"));

    var lint = new Helm(chart).lint().strict().call();

    assertThat(lint.isFailed()).isTrue();
    assertThat(String.join("\n", lint.getMessages())).contains("cachez");
  }

  @Test
  void theSchemaKnowsExactlyTheExportersConfigSections() {
    Map<String, Object> config =
        Yaml.map(
            Yaml.at(
                Yaml.load(RepoFiles.read(RepoFiles.CHART.resolve("values.schema.json"))),
                "properties.config.properties"));
    List<String> projectKeys = new ArrayList<>(List.of("name", "path"));
    List<String> globalKeys = new ArrayList<>();
    for (ConfigSection<?, ?> section : Main.sources()) {
      projectKeys.add(section.projectKey());
      globalKeys.add(section.globalKey());
    }

    assertThat(Yaml.map(Yaml.at(config, "global.properties")).keySet())
        .containsExactlyInAnyOrderElementsOf(globalKeys);
    assertThat(Yaml.map(Yaml.at(config, "projects.items.properties")).keySet())
        .containsExactlyInAnyOrderElementsOf(projectKeys);
  }

  private Path values(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "values", ".yaml"), yaml);
  }
}
