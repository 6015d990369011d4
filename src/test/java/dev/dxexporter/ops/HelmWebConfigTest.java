package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and basic auth from the chart: the web config in a Secret passed as --web.config.file, a
 * ServiceMonitor that scrapes over https with a login, probes over HTTPS that need none.
 * HelmProbesServeTest runs the real exporter with what is rendered here.
 */
class HelmWebConfigTest {
  static final String TLS_AND_AUTH =
      """
      webConfig:
        config:
          tls_server_config:
            cert_file: /etc/dx-exporter/tls/tls.crt
            key_file: /etc/dx-exporter/tls/tls.key
          basic_auth_users:
            alice: $2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby
        tlsSecret: dx-exporter-tls
      serviceMonitor:
        enabled: true
        tlsConfig:
          insecureSkipVerify: true
        basicAuth:
          username: {name: dx-scrape, key: username}
          password: {name: dx-scrape, key: password}
      """;

  @TempDir Path dir;

  @Test
  void theWebConfigIsASecretMountedAndPassedToTheExporter() throws IOException {
    RenderedChart chart = RenderedChart.render(values(TLS_AND_AUTH));
    Map<String, Object> secret = chart.single("Secret");
    Map<String, Object> container = container(chart);
    Map<String, Object> values = Yaml.map(Yaml.load(TLS_AND_AUTH));

    assertThat(Yaml.load((String) Yaml.map(secret.get("stringData")).get("web-config.yml")))
        .isEqualTo(Yaml.at(values, "webConfig.config"));
    assertThat(Yaml.list(container.get("args")))
        .contains(
            "--web.config.file=/etc/dx-exporter/web/web-config.yml",
            "--web.unauthenticated-health");
    assertThat(Yaml.list(container.get("volumeMounts")))
        .contains(
            Map.of("name", "web-config", "mountPath", "/etc/dx-exporter/web", "readOnly", true),
            Map.of("name", "tls", "mountPath", "/etc/dx-exporter/tls", "readOnly", true));
    assertThat(Yaml.at(chart.single("Deployment"), "spec.template.metadata.annotations"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKey("checksum/web-config");
  }

  @Test
  void probesGoOverHttpsAndTheServiceMonitorLogsIn() throws IOException {
    RenderedChart chart = RenderedChart.render(values(TLS_AND_AUTH));
    Map<String, Object> container = container(chart);
    Map<String, Object> endpoint =
        Yaml.map(Yaml.list(Yaml.at(chart.single("ServiceMonitor"), "spec.endpoints")).get(0));

    assertThat(Yaml.at(container, "livenessProbe.httpGet.scheme")).isEqualTo("HTTPS");
    assertThat(Yaml.at(container, "readinessProbe.httpGet.scheme")).isEqualTo("HTTPS");
    assertThat(endpoint.get("scheme")).isEqualTo("https");
    assertThat(endpoint.get("tlsConfig")).isEqualTo(Map.of("insecureSkipVerify", true));
    assertThat(Yaml.at(endpoint, "basicAuth.password"))
        .isEqualTo(Map.of("name", "dx-scrape", "key", "password"));
  }

  @Test
  void anExistingSecretIsMountedAndItsFlagsSayWhatItDoes() throws IOException {
    RenderedChart chart =
        RenderedChart.render(
            values(
                "webConfig:\n  existingSecret: my-web\n  tls: true\n"
                    + "serviceMonitor:\n  enabled: true\n"));

    assertThat(chart.kinds()).doesNotContain("Secret");
    assertThat(
            Yaml.list(Yaml.at(chart.single("Deployment"), "spec.template.spec.volumes")).stream()
                .map(Yaml::map)
                .filter(v -> "web-config".equals(v.get("name")))
                .map(v -> Yaml.at(v, "secret.secretName")))
        .containsExactly("my-web");
    assertThat(Yaml.at(container(chart), "readinessProbe.httpGet.scheme")).isEqualTo("HTTPS");
    assertThat(Yaml.list(container(chart).get("args")))
        .doesNotContain("--web.unauthenticated-health");
  }

  @Test
  void basicAuthWithoutALoginForTheServiceMonitorFailsTheRender() throws IOException {
    Path values =
        values(
            "webConfig:\n  config:\n    basic_auth_users:\n      alice: $2y$10$x\n"
                + "serviceMonitor:\n  enabled: true\n");

    assertThatThrownBy(() -> RenderedChart.render(values))
        .hasMessageContaining("set serviceMonitor.basicAuth");
  }

  @Test
  void aPasswordInPlaceOfABcryptHashIsRefused() throws IOException {
    Path values = values("webConfig:\n  config:\n    basic_auth_users:\n      alice: alice123\n");

    assertThatThrownBy(() -> RenderedChart.render(values)).hasMessageContaining("basic_auth_users");
  }

  @Test
  void withoutAWebConfigNothingChanges() {
    Map<String, Object> container = container(RenderedChart.render(null));

    assertThat(Yaml.list(container.get("args")))
        .noneMatch(a -> a.toString().startsWith("--web.config"));
    assertThat(Yaml.at(container, "livenessProbe.httpGet.scheme")).isNull();
  }

  static Map<String, Object> container(RenderedChart chart) {
    return Yaml.map(
        Yaml.list(Yaml.at(chart.single("Deployment"), "spec.template.spec.containers")).get(0));
  }

  private Path values(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "values", ".yaml"), yaml);
  }
}
