package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.ops.RepoFiles;
import dev.dxexporter.webconfig.TestPki;
import dev.dxexporter.webconfig.WebConfig;
import dev.dxexporter.webconfig.WebConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped examples/web-config.yml against Debian's promtool 2.42 (exporter-toolkit 0.8.2), and
 * the real jar serving HTTPS with basic auth from it, asked by curl.
 */
class WebConfigIT {
  /** The example's sample user; its hash was made with htpasswd -nbBC 10 "" change-me. */
  private static final String USER = "prometheus:change-me";

  @TempDir Path tmp;

  /**
   * promtool loads the certificate and key the example names, so it runs on a copy placed next to a
   * certificate and key made by openssl (the example directory holds none).
   */
  private Path exampleWithCertificates() throws Exception {
    TestPki.create(tmp);
    return Files.copy(
        RepoFiles.ROOT.resolve("examples/web-config.yml"), tmp.resolve("web-config.yml"));
  }

  @Test
  void exampleIsValidForPromtoolAndForDxExporter() throws Exception {
    Path example = exampleWithCertificates();

    Command check =
        Command.run(tmp, List.of(Binaries.promtool(), "check", "web-config", example.toString()));

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS");
    WebConfig web = new WebConfigLoader().load(example);
    assertThat(web.tls()).isPresent();
    assertThat(web.users()).containsOnlyKeys("prometheus");
    assertThat(web.headers()).containsEntry("X-Frame-Options", "deny");
  }

  @Test
  void jarServesHttpsWithBasicAuthToCurl() throws Exception {
    exampleWithCertificates();
    int port = ServerProcess.freePort();
    String https = "https://127.0.0.1:" + port;

    Path home = Files.createDirectories(tmp.resolve("home")); // keep zero-config off the real ~/.m2
    try (ServerProcess exporter =
        ServerProcess.start(
            "exporter",
            tmp,
            List.of(
                java(),
                "-Duser.home=" + home,
                "-jar",
                jar(),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.config.file=web-config.yml"))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> curl("-u", USER, https + "/-/healthy").equals("200"));

      assertThat(curl(https + "/metrics")).isEqualTo("401");
      assertThat(curl("-u", "prometheus:wrong", https + "/metrics")).isEqualTo("401");
      assertThat(curl("-u", USER, https + "/metrics")).isEqualTo("200");
      assertThat(curl("-u", USER, "--tls-max", "1.1", https + "/metrics"))
          .as("TLS 1.1 refused")
          .isEqualTo("000");
      assertThat(curl("-u", USER, "http://127.0.0.1:" + port + "/metrics"))
          .as("no plain HTTP")
          .isNotEqualTo("200");
      assertThat(exporter.isAlive()).as(exporter.logTail()).isTrue();
    }
  }

  @Test
  void jarRefusesToStartWithAnInvalidWebConfig() throws Exception {
    Path bad =
        Files.writeString(tmp.resolve("web.yml"), "tls_server_config:\n  cert_file: none.crt\n");

    Command run =
        Command.run(
            tmp,
            List.of(
                java(),
                "-Duser.home=" + tmp,
                "-jar",
                jar(),
                "--web.listen-address=127.0.0.1:0",
                "--web.config.file=" + bad));

    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .contains(bad + ":2:14: tls_server_config.cert_file: ")
        .contains("refusing to start");
  }

  private String curl(String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "curl",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--max-time",
                "10",
                "--cacert",
                tmp.resolve("ca.crt").toString()));
    command.addAll(List.of(args));
    return Command.run(tmp, command).output().strip();
  }

  private static String jar() {
    return Path.of(System.getProperty("dx.jar", "target/dx-exporter.jar"))
        .toAbsolutePath()
        .toString();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
