package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart's smaller options: volumes, telemetry path, NetworkPolicy, `helm test`, the store. */
class HelmFeaturesTest {
  private static final Path TEST_POD = RepoFiles.CHART.resolve("templates/tests/test-scrape.yaml");

  @TempDir Path dir;

  @Test
  void mountedWorkspacesAreChownedOnlyOnARootMismatch() {
    Map<String, Object> deployment = RenderedChart.render(null).single("Deployment");

    assertThat(Yaml.at(deployment, "spec.template.spec.securityContext.fsGroupChangePolicy"))
        .isEqualTo("OnRootMismatch");
  }

  @Test
  void theTelemetryPathReachesTheFlagTheServiceMonitorAndTheTest() throws IOException {
    RenderedChart chart =
        withTestPod(RepoFiles.CHART_ALL_FEATURES, values("telemetryPath: /dx/metrics\n"));

    assertThat(Yaml.list(HelmWebConfigTest.container(chart).get("args")))
        .contains("--web.telemetry-path=/dx/metrics");
    assertThat(Yaml.at(chart.single("ServiceMonitor"), "spec.endpoints").toString())
        .contains("path=/dx/metrics");
    assertThat(testCommand(chart))
        .contains("http://dx-dx-exporter.monitoring.svc:29100/dx/metrics");
  }

  @Test
  void aTelemetryPathTheExporterRefusesFailsTheRender() throws IOException {
    Path values = values("telemetryPath: /-/metrics\n");

    assertThatThrownBy(() -> RenderedChart.render(values)).hasMessageContaining("telemetryPath");
  }

  @Test
  void theNetworkPolicyAdmitsTheConfiguredPeersAndTheTestPodToTheExporterPortOnly()
      throws IOException {
    RenderedChart chart = withTestPod(RepoFiles.CHART_ALL_FEATURES);
    Map<String, Object> policy = chart.single("NetworkPolicy");
    Map<String, Object> rule = Yaml.map(Yaml.list(Yaml.at(policy, "spec.ingress")).get(0));
    Map<String, Object> testPod = chart.single("Pod");

    assertThat(Yaml.at(policy, "spec.podSelector.matchLabels"))
        .isEqualTo(Yaml.at(chart.single("Deployment"), "spec.selector.matchLabels"));
    assertThat(rule.get("ports")).isEqualTo(List.of(Map.of("port", 29100, "protocol", "TCP")));
    List<Map<String, Object>> from = Yaml.list(rule.get("from")).stream().map(Yaml::map).toList();
    assertThat(from.get(0))
        .isEqualTo(
            Map.of(
                "namespaceSelector",
                Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring"))));
    assertThat(Yaml.map(Yaml.at(testPod, "metadata.labels")))
        .containsAllEntriesOf(Yaml.map(Yaml.at(from.get(1), "podSelector.matchLabels")));
    // The Service never selects the test pod.
    assertThat(
            Yaml.map(Yaml.at(testPod, "metadata.labels"))
                .entrySet()
                .containsAll(
                    Yaml.map(Yaml.at(chart.single("Service"), "spec.selector")).entrySet()))
        .isFalse();
  }

  @Test
  void helmTestWaitsForReadyThenScrapesLikeTheServiceMonitor() throws IOException {
    RenderedChart plain = withTestPod();
    RenderedChart secured = withTestPod(values(HelmWebConfigTest.TLS_AND_AUTH));

    assertThat(RepoFiles.read(TEST_POD)).contains("    helm.sh/hook: test\n");
    assertThat(testCommand(plain))
        .contains("http://dx-dx-exporter.monitoring.svc:29100/-/ready")
        .contains("http://dx-dx-exporter.monitoring.svc:29100/metrics")
        .doesNotContain("--user");
    assertThat(testCommand(secured))
        .contains("https://dx-dx-exporter.monitoring.svc:29100/metrics")
        .contains("--insecure")
        .contains("--user \"$SCRAPE_USER:$SCRAPE_PASSWORD\"");
    Map<String, Object> container =
        Yaml.map(Yaml.list(Yaml.at(secured.single("Pod"), "spec.containers")).get(0));
    assertThat(Yaml.list(container.get("env")))
        .contains(
            Map.of(
                "name",
                "SCRAPE_PASSWORD",
                "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "dx-scrape", "key", "password"))));
  }

  @Test
  void theStoreIsOnTheDataVolume() {
    Map<String, Object> container =
        HelmWebConfigTest.container(RenderedChart.render(RepoFiles.CHART_ALL_FEATURES));

    assertThat(Yaml.list(container.get("args")))
        .contains("--storage.path=/var/lib/dx-exporter/data");
    assertThat(Yaml.list(container.get("volumeMounts")))
        .contains(Map.of("name", "data", "mountPath", "/var/lib/dx-exporter"));
  }

  /**
   * The chart rendered with its `helm test` pod: helm-java's template leaves test hooks out, so
   * this renders a copy of the chart whose test pod is not a hook.
   */
  private RenderedChart withTestPod(Path... valuesFiles) throws IOException {
    Path chart = RenderedChart.copyOfChart(Files.createTempDirectory(dir, "chart"));
    Path pod = chart.resolve(RepoFiles.CHART.relativize(TEST_POD).toString());
    Files.writeString(pod, Files.readString(pod).replace("helm.sh/hook:", "was-helm.sh/hook:"));
    return RenderedChart.render(chart, RenderedChart.RELEASE, List.of(valuesFiles));
  }

  private static String testCommand(RenderedChart chart) {
    Map<String, Object> container =
        Yaml.map(Yaml.list(Yaml.at(chart.single("Pod"), "spec.containers")).get(0));
    return String.join(
        " ", Yaml.list(container.get("command")).stream().map(String::valueOf).toList());
  }

  private Path values(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "values", ".yaml"), yaml);
  }
}
