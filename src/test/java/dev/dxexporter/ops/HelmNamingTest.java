package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names stay distinct and valid for the longest release name Helm allows (53 characters): before,
 * the config and dashboard ConfigMaps all truncated to the same 63 characters.
 */
class HelmNamingTest {
  private static final String LONGEST_RELEASE = "r".repeat(40) + "-build-health";

  @Test
  void everyObjectOfAKindHasItsOwnNameOfAtMost63Characters(@TempDir Path dir) throws IOException {
    assertThat(LONGEST_RELEASE).hasSize(53);
    Path webConfig =
        Files.writeString(
            dir.resolve("web.yaml"),
            "webConfig:\n  config:\n    basic_auth_users:\n      prometheus: $2y$10$x\n"
                + "serviceMonitor:\n  basicAuth:\n    username: {name: s, key: u}\n"
                + "    password: {name: s, key: p}\n");
    RenderedChart chart =
        RenderedChart.render(
            RepoFiles.CHART, LONGEST_RELEASE, List.of(RepoFiles.CHART_ALL_FEATURES, webConfig));

    Map<String, List<String>> namesByKind =
        chart.objects().stream()
            .collect(
                Collectors.groupingBy(
                    o -> (String) o.get("kind"),
                    Collectors.mapping(
                        o -> (String) Yaml.at(o, "metadata.name"), Collectors.toList())));
    assertThat(namesByKind.get("ConfigMap"))
        .hasSize(1 + RepoFiles.list(RepoFiles.DASHBOARDS, ".json").size());
    namesByKind.forEach(
        (kind, names) -> {
          assertThat(names).as(kind).doesNotHaveDuplicates();
          assertThat(names)
              .as(kind)
              .allSatisfy(
                  n ->
                      assertThat(n)
                          .hasSizeLessThanOrEqualTo(63)
                          .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"));
        });
    // The Deployment mounts objects that exist under those names.
    Map<String, Object> deployment = chart.single("Deployment");
    List<Object> volumes = Yaml.list(Yaml.at(deployment, "spec.template.spec.volumes"));
    assertThat(namesByKind.get("ConfigMap"))
        .contains(volumeSource(volumes, "config", "configMap.name"));
    assertThat(namesByKind.get("Secret"))
        .contains(volumeSource(volumes, "web-config", "secret.secretName"));
  }

  private static String volumeSource(List<Object> volumes, String volume, String path) {
    return volumes.stream()
        .map(Yaml::map)
        .filter(v -> volume.equals(v.get("name")))
        .map(v -> (String) Yaml.at(v, path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + volume));
  }
}
