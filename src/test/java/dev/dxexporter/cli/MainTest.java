package dev.dxexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Cli.commandLine(Main.sources());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void configCheckAcceptsTheShippedExample() {
    // The example names paths that need not exist; check validates the file itself.
    assertThat(run("config", "check", "examples/dx-exporter.yml")).isEqualTo(0);
    assertThat(out.toString()).contains("valid, 2 project(s), 10 collector(s)");
  }

  @Test
  void configCheckListsEveryErrorAndExitsOne() throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(
        bad, "projects:\n  - name: p\n    path: /p\n    colour: red\n    caches: [{name: c}]\n");
    assertThat(run("config", "check", bad.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(bad + ":4:5: projects[0].colour: unknown key")
        .contains(bad + ":5:14: projects[0].caches[0].path: required key is missing");
  }

  @Test
  void configCheckWarnsAtTheLineOfAProjectPathThatDoesNotExist() throws Exception {
    Files.createDirectory(dir.resolve("here"));
    Path config = dir.resolve("dx.yml");
    Files.writeString(
        config, "projects:\n  - name: here\n    path: here\n  - name: typo\n    path: ./hrer\n");
    assertThat(run("config", "check", config.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("valid, 2 project(s)").contains(", 1 warning(s)");
    assertThat(err.toString())
        .contains(
            "warning: "
                + config
                + ":5:11: projects[1].path: "
                + dir.resolve("hrer")
                + " does not exist")
        .doesNotContain("projects[0]");
  }

  @Test
  void configCheckRefusesAnEmptyProjectList() throws Exception {
    Path config = dir.resolve("empty.yml");
    Files.writeString(config, "global: {}\nprojects: []\n");
    assertThat(run("config", "check", config.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(config + ":2:11: projects: the list is empty; list at least one project");
  }

  @Test
  void versionNamesTheProgram() {
    assertThat(run("--version")).isEqualTo(0);
    assertThat(out.toString()).startsWith("dx-exporter, version ");
  }

  @Test
  void helpListsThePrometheusStyleFlags() {
    assertThat(run("serve", "--help")).isEqualTo(0);
    assertThat(out.toString())
        .contains(
            "--config.file",
            "--web.config.file",
            "--web.listen-address",
            "--web.telemetry-path",
            "--log.level",
            "--log.format",
            ":29100");
  }

  @Test
  void anInvalidConfigRefusesToStart() throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "projects: 3\n");
    assertThat(run("--config.file", bad.toString(), "--web.listen-address", "127.0.0.1:0"))
        .isEqualTo(1);
  }

  @Test
  void anInvalidWebConfigRefusesToStart() throws Exception {
    Path bad = dir.resolve("web.yml");
    Files.writeString(bad, "tls_server_config: {cert_file: missing.crt, key_file: missing.key}\n");
    assertThat(run("--web.config.file", bad.toString(), "--web.listen-address", "127.0.0.1:0"))
        .isEqualTo(1);
    assertThat(
            run(
                "--web.config.file",
                dir.resolve("absent.yml").toString(),
                "--web.listen-address",
                "127.0.0.1:0"))
        .isEqualTo(1);
  }

  @Test
  void badFlagValuesAreUsageErrors() {
    assertThat(run("--log.format", "xml")).isEqualTo(2);
    assertThat(run("--log.level", "verbose", "--web.listen-address", "127.0.0.1:0")).isEqualTo(2);
    assertThat(run("--web.listen-address", "nonsense")).isEqualTo(2);
  }

  @Test
  void flagErrorsNameTheFlag() {
    assertThat(run("--collector.concurrency=0", "--web.listen-address", "127.0.0.1:0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--collector.concurrency must be between 1 and 256, not 0");
    assertThat(run("--collector.scan-threads=-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--collector.scan-threads");
    assertThat(run("--web.telemetry-path=/-/metrics")).isEqualTo(2);
    assertThat(err.toString()).contains("--web.telemetry-path");
    assertThat(run("--web.listen-address", "host:99999")).isEqualTo(2);
    assertThat(err.toString()).contains("--web.listen-address: port out of range");
    assertThat(run("--web.max-connections=-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--web.max-connections must be 0 (no limit) or more");
    assertThat(run("--web.read-header-timeout=soon")).isEqualTo(2);
    assertThat(err.toString()).contains("--web.read-header-timeout: not a duration");
  }

  @Test
  void aMissingConfigFileSaysSoWithoutAnExceptionClass() {
    Path absent = dir.resolve("absent.yml");
    assertThat(run("config", "check", absent.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(absent + ": file not found").doesNotContain("Exception");
  }
}
