package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real `helm lint --strict` and `helm template` (helm-java) on helm/dx-exporter. */
class HelmChartTest {

  @Test
  void lintStrictPasses() {
    var result = new Helm(RepoFiles.CHART).lint().strict().call();

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
  }

  @Test
  void defaultsRenderOnlyTheCoreObjects() {
    RenderedChart chart = RenderedChart.render(null);

    // Features that need cluster extras (PVC, operator CRDs, Grafana sidecar) are off by default.
    // (helm-java's template leaves the `helm test` pod out: HelmFeaturesTest renders it.)
    assertThat(chart.kinds())
        .containsExactly("ConfigMap", "Deployment", "Service", "ServiceAccount");
  }

  @Test
  void deploymentRunsNonRootWithReadOnlyRootAndProbesTheHealthEndpoints() {
    Map<String, Object> deployment = RenderedChart.render(null).single("Deployment");
    Map<String, Object> container = container(deployment);

    assertThat(Yaml.at(deployment, "spec.template.spec.securityContext.runAsNonRoot"))
        .isEqualTo(true);
    assertThat(Yaml.at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(Yaml.at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(Yaml.at(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
    assertThat(Yaml.at(container, "livenessProbe.httpGet.path")).isEqualTo("/-/healthy");
    assertThat(Yaml.at(container, "readinessProbe.httpGet.path")).isEqualTo("/-/ready");
    assertThat(Yaml.list(container.get("args")))
        .contains(
            "serve", "--config.file=/etc/dx-exporter/config.yml", "--web.listen-address=:29100");
    // The selector must stay immutable across chart upgrades: no chart version in it.
    assertThat(Yaml.map(Yaml.at(deployment, "spec.selector.matchLabels")))
        .doesNotContainKey("helm.sh/chart");
    // Without persistence the store lives in an emptyDir, and nothing mounts secrets.
    assertThat(volume(deployment, "data")).containsKey("emptyDir");
    assertThat(Yaml.list(container.get("env"))).hasSize(1);
    // The default project's workspace: an empty directory until values point it elsewhere.
    assertThat(volume(deployment, "workspace")).containsKey("emptyDir");
    assertThat(Yaml.list(container.get("volumeMounts")))
        .contains(Map.of("name", "workspace", "mountPath", "/workspace", "readOnly", true));
  }

  @Test
  void configMapCarriesValuesConfigAndTheDeploymentMountsIt() {
    RenderedChart chart = RenderedChart.render(RepoFiles.CHART_ALL_FEATURES);
    Map<String, Object> values = Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.CHART_ALL_FEATURES)));
    Map<String, Object> configMap =
        chart.ofKind("ConfigMap").stream()
            .filter(c -> configYml(c) != null)
            .findFirst()
            .orElseThrow();

    // The values' config, with the Secrets of secrets.* referenced where the exporter reads them.
    Map<String, Object> expected = new java.util.HashMap<>(Yaml.map(values.get("config")));
    Map<String, Object> global = new java.util.HashMap<>(Yaml.map(expected.get("global")));
    global.put(
        "github",
        Map.of(
            "token", Map.of("env", "DX_GITHUB_TOKEN"),
            "webhook_secret", Map.of("env", "DX_WEBHOOK_SECRET")));
    expected.put("global", global);
    assertThat(Yaml.load(configYml(configMap))).isEqualTo(expected);
    Map<String, Object> deployment = chart.single("Deployment");
    assertThat(Yaml.at(volume(deployment, "config"), "configMap.name"))
        .isEqualTo(Yaml.at(configMap, "metadata.name"));
    // A config change must roll the pod.
    assertThat(Yaml.at(deployment, "spec.template.metadata.annotations.checksum/config"))
        .isNotNull();
  }

  @Test
  void theRenderedConfigIsOneTheExporterAccepts(@TempDir Path dir) throws Exception {
    // What `dx-exporter config check` would say inside the pod, for both value sets; the
    // all-features project polls GitHub with the token of secrets.github only.
    Map<String, String> podEnv = Map.of("DX_GITHUB_TOKEN", "t", "DX_WEBHOOK_SECRET", "s");
    var loader = new dev.dxexporter.config.ConfigLoader(dev.dxexporter.Main.sources(), dir, podEnv);
    Path file = Files.writeString(dir.resolve("config.yml"), renderedConfig(null));
    // The defaults: one project, the workspace volume, so a plain install runs (an empty list is
    // refused since issue 11).
    var defaults = loader.load(file);
    assertThat(defaults.projects()).hasSize(1);
    assertThat(defaults.projects().get(0).path()).isEqualTo(Path.of("/workspace"));
    Path none = Files.writeString(dir.resolve("none.yaml"), "config:\n  projects: []\n");
    Files.writeString(file, renderedConfig(none));
    assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("projects: the list is empty");
    Files.writeString(file, renderedConfig(RepoFiles.CHART_ALL_FEATURES));
    assertThat(loader.load(file).projects()).hasSize(1);
  }

  private static String renderedConfig(Path values) {
    return configYml(
        RenderedChart.render(values).ofKind("ConfigMap").stream()
            .filter(c -> configYml(c) != null)
            .findFirst()
            .orElseThrow());
  }

  @Test
  void aConfigsOwnWebhookSecretsListIsNotJoinedByTheChartsSecret(@TempDir Path dir)
      throws Exception {
    // Rotating: the config lists both secrets; secrets.webhook must not add webhook_secret too,
    // which the exporter refuses (one of the two keys, not both).
    Path rotation =
        Files.writeString(
            dir.resolve("rotation.yaml"),
            """
            config:
              global:
                github:
                  webhook_secrets: [{env: DX_WEBHOOK_SECRET}, {env: DX_OLD_WEBHOOK_SECRET}]
            """);
    Map<String, Object> configMap =
        RenderedChart.withValues(RepoFiles.CHART_ALL_FEATURES, rotation)
            .ofKind("ConfigMap")
            .stream()
            .filter(c -> configYml(c) != null)
            .findFirst()
            .orElseThrow();
    Map<String, Object> github =
        Yaml.map(Yaml.at(Yaml.map(Yaml.load(configYml(configMap))), "global.github"));
    assertThat(github).containsKey("webhook_secrets").doesNotContainKey("webhook_secret");
    Path file = Files.writeString(dir.resolve("config.yml"), configYml(configMap));
    var config =
        new dev.dxexporter.config.ConfigLoader(
                dev.dxexporter.Main.sources(),
                dir,
                Map.of(
                    "DX_GITHUB_TOKEN", "t", "DX_WEBHOOK_SECRET", "s", "DX_OLD_WEBHOOK_SECRET", "o"))
            .load(file);
    assertThat(config.projects()).hasSize(1);
  }

  @Test
  void allFeaturesRenderEveryObject() {
    RenderedChart chart = RenderedChart.render(RepoFiles.CHART_ALL_FEATURES);

    assertThat(chart.kinds())
        .containsOnly(
            "ConfigMap",
            "Deployment",
            "NetworkPolicy",
            "PersistentVolumeClaim",
            "PrometheusRule",
            "Service",
            "ServiceAccount",
            "ServiceMonitor");
    // The common label reaches every object, and every object lands in the release namespace.
    assertThat(chart.objects())
        .allSatisfy(o -> assertThat(Yaml.at(o, "metadata.labels.team")).isEqualTo("dx"));
    assertThat(chart.objects())
        .allSatisfy(
            o -> assertThat(Yaml.at(o, "metadata.namespace")).isEqualTo(RenderedChart.NAMESPACE));
  }

  @Test
  void secretsAreReferencedNeverRendered() {
    RenderedChart chart = RenderedChart.render(RepoFiles.CHART_ALL_FEATURES);
    List<Object> env = Yaml.list(container(chart.single("Deployment")).get("env"));

    assertThat(env)
        .contains(
            Map.of(
                "name",
                "DX_GITHUB_TOKEN",
                "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "dx-github", "key", "token"))),
            Map.of(
                "name",
                "DX_WEBHOOK_SECRET",
                "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "dx-webhook", "key", "secret"))));
    assertThat(chart.kinds()).doesNotContain("Secret");
  }

  @Test
  void persistenceClaimsStorageForTheStore() {
    RenderedChart chart = RenderedChart.render(RepoFiles.CHART_ALL_FEATURES);
    Map<String, Object> pvc = chart.single("PersistentVolumeClaim");

    assertThat(Yaml.at(pvc, "spec.resources.requests.storage")).isEqualTo("2Gi");
    assertThat(Yaml.at(pvc, "spec.storageClassName")).isEqualTo("fast");
    assertThat(
            Yaml.at(volume(chart.single("Deployment"), "data"), "persistentVolumeClaim.claimName"))
        .isEqualTo(Yaml.at(pvc, "metadata.name"));
  }

  @Test
  void serviceMonitorScrapesTheServicePortWithTheSelectorLabels() {
    RenderedChart chart = RenderedChart.render(RepoFiles.CHART_ALL_FEATURES);
    Map<String, Object> monitor = chart.single("ServiceMonitor");
    Map<String, Object> service = chart.single("Service");

    assertThat(Yaml.at(monitor, "metadata.labels.release")).isEqualTo("kube-prometheus-stack");
    assertThat(Yaml.at(monitor, "spec.endpoints"))
        .isEqualTo(
            List.of(
                Map.of(
                    "port",
                    "http",
                    "path",
                    "/metrics",
                    "scheme",
                    "http",
                    "interval",
                    "30s",
                    "scrapeTimeout",
                    "10s",
                    "honorLabels",
                    false)));
    assertThat(Yaml.map(Yaml.at(service, "metadata.labels")))
        .containsAllEntriesOf(Yaml.map(Yaml.at(monitor, "spec.selector.matchLabels")));
  }

  @Test
  void prometheusRuleCarriesTheLabelsPrometheusSelectsBy() {
    // Its groups: HelmRulesTest.
    Map<String, Object> rule =
        RenderedChart.render(RepoFiles.CHART_ALL_FEATURES).single("PrometheusRule");

    assertThat(Yaml.at(rule, "metadata.labels.release")).isEqualTo("kube-prometheus-stack");
  }

  @Test
  void dashboardsBecomeLabelledConfigMapsWithTheFileContent() throws Exception {
    RenderedChart chart = RenderedChart.render(RepoFiles.CHART_ALL_FEATURES);
    List<Map<String, Object>> dashboards =
        chart.ofKind("ConfigMap").stream()
            .filter(c -> Yaml.at(c, "metadata.labels.grafana_dashboard") != null)
            .toList();
    List<Path> files = RepoFiles.list(RepoFiles.DASHBOARDS, ".json");
    ObjectMapper json = new ObjectMapper();

    assertThat(dashboards).hasSize(files.size()).isNotEmpty();
    for (Path file : files) {
      String key = file.getFileName().toString();
      Map<String, Object> configMap =
          dashboards.stream()
              .filter(c -> Yaml.map(c.get("data")).containsKey(key))
              .findFirst()
              .orElseThrow();
      assertThat(Yaml.at(configMap, "metadata.labels.grafana_dashboard")).isEqualTo("1");
      assertThat(Yaml.at(configMap, "metadata.annotations.grafana_folder"))
          .isEqualTo("dx-exporter");
      assertThat(json.readTree((String) Yaml.map(configMap.get("data")).get(key)))
          .isEqualTo(json.readTree(file.toFile()));
    }
  }

  @Test
  void schemaRejectsValuesOfTheWrongShape(@TempDir Path dir) throws Exception {
    Path badPort = Files.writeString(dir.resolve("bad-port.yaml"), "service:\n  port: \"http\"\n");
    Path typo = Files.writeString(dir.resolve("typo.yaml"), "serviceMonitor:\n  enable: true\n");

    assertThatThrownBy(() -> RenderedChart.render(badPort)).hasMessageContaining("port");
    assertThatThrownBy(() -> RenderedChart.render(typo)).hasMessageContaining("enable");
  }

  private static String configYml(Map<String, Object> configMap) {
    return (String) Yaml.map(configMap.get("data")).get("config.yml");
  }

  private static Map<String, Object> container(Map<String, Object> deployment) {
    return Yaml.map(Yaml.list(Yaml.at(deployment, "spec.template.spec.containers")).get(0));
  }

  private static Map<String, Object> volume(Map<String, Object> deployment, String name) {
    return Yaml.list(Yaml.at(deployment, "spec.template.spec.volumes")).stream()
        .map(Yaml::map)
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
