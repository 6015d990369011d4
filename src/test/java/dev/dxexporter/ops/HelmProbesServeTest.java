package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.Main;
import dev.dxexporter.webconfig.TestPki;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real exporter, started as a process with the args, config and web config the chart renders
 * (TLS and basic auth), asked the way the kubelet runs the rendered probes: their scheme, path and
 * headers, no login. Without --web.unauthenticated-health the liveness probe gets 401 and the
 * kubelet would restart the pod forever.
 */
class HelmProbesServeTest {
  @TempDir Path root;

  @Test
  void probesPassUnderBasicAuthWhileTheMetricsStillNeedTheLogin() throws Exception {
    try (Pod pod = start("")) {
      assertThat(pod.probe("readinessProbe", true)).isEqualTo(200);
      assertThat(pod.probe("livenessProbe", false)).isEqualTo(200);
      assertThat(pod.get(pod.telemetryPath, null).statusCode()).isEqualTo(401);
      HttpResponse<String> scrape = pod.get(pod.telemetryPath, "alice:alice123");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("dx_build_info");
    }
  }

  @Test
  void withoutTheOpenHealthPathsTheLivenessProbeFails() throws Exception {
    try (Pod pod = start("webConfig:\n  unauthenticatedHealth: false\n")) {
      assertThat(pod.probe("livenessProbe", false)).isEqualTo(401);
    }
  }

  /**
   * One exporter process with the rendered files under {@code root} in place of the container's.
   */
  private final class Pod implements AutoCloseable {
    final Process process;
    final Map<String, Object> container;
    final String telemetryPath;
    final int port;
    final HttpClient http;

    Pod(Process process, Map<String, Object> container, int port, HttpClient http) {
      this.process = process;
      this.container = container;
      this.port = port;
      this.http = http;
      this.telemetryPath =
          Yaml.list(container.get("args")).stream()
              .map(String::valueOf)
              .filter(a -> a.startsWith("--web.telemetry-path="))
              .map(a -> a.substring("--web.telemetry-path=".length()))
              .findFirst()
              .orElseThrow();
    }

    /** The probe's status, as the kubelet asks it; {@code untilOk}: retried for up to 60 s. */
    int probe(String name, boolean untilOk) throws Exception {
      Map<String, Object> get = Yaml.map(Yaml.at(container, name + ".httpGet"));
      assertThat(get.get("port")).isEqualTo("http");
      assertThat(get.get("scheme")).isEqualTo("HTTPS");
      assertThat(get).doesNotContainKey("httpHeaders");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (true) {
        int status = -1;
        try {
          status = get((String) get.get("path"), null).statusCode();
        } catch (IOException e) {
          // not listening yet
        }
        if (!untilOk && status > 0 || status == 200 || System.nanoTime() > deadline) {
          return status;
        }
        Thread.sleep(200);
      }
    }

    HttpResponse<String> get(String path, String login) throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10));
      if (login != null) {
        b.header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor();
    }
  }

  private Pod start(String extraValues) throws Exception {
    RenderedChart chart =
        RenderedChart.withValues(
            Files.writeString(root.resolve("values.yaml"), HelmWebConfigTest.TLS_AND_AUTH),
            Files.writeString(root.resolve("extra.yaml"), extraValues));
    Map<String, Object> container = HelmWebConfigTest.container(chart);
    // The container's files, where the Deployment mounts them, under root.
    Path etc = Files.createDirectories(root.resolve("etc/dx-exporter/web"));
    Files.writeString(
        etc.resolve("web-config.yml"),
        (String) Yaml.map(chart.single("Secret").get("stringData")).get("web-config.yml"));
    Files.writeString(
        etc.resolveSibling("config.yml"),
        chart.ofKind("ConfigMap").stream()
            .map(c -> (String) Yaml.map(c.get("data")).get("config.yml"))
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElseThrow());
    Path pkiDir = Files.createDirectories(root.resolve("pki"));
    TestPki pki = TestPki.create(pkiDir);
    Path tls = Files.createDirectories(etc.resolveSibling("tls"));
    Files.copy(pkiDir.resolve("server.crt"), tls.resolve("tls.crt"));
    Files.copy(pkiDir.resolve("server.key"), tls.resolve("tls.key"));
    // The web config names the container's paths: point them at root.
    Path web = etc.resolve("web-config.yml");
    Files.writeString(
        web, Files.readString(web).replace("/etc/dx-exporter/", root + "/etc/dx-exporter/"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    for (Object arg : Yaml.list(container.get("args"))) {
      String a = arg.toString();
      command.add(
          a.startsWith("--web.listen-address=")
              ? "--web.listen-address=127.0.0.1:" + port
              : a.replace("=/etc/dx-exporter/", "=" + root + "/etc/dx-exporter/")
                  .replace("=/var/lib/dx-exporter", "=" + root + "/var/lib/dx-exporter"));
    }
    Process process =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("out.log").toFile())
            .start();
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(pki.clientContext(false))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return new Pod(process, container, port, http);
  }
}
