package dev.dxexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code check} over a small workspace written here: a Cargo workspace declaring 3 distinct
 * dependencies and a surefire report of one suite that took 400 s (past the 300 s test gate).
 */
class CheckCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void workspace() throws Exception {
    Files.createDirectories(dir.resolve("crates/core"));
    Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"crates/*\"]\n");
    Files.writeString(
        dir.resolve("crates/core/Cargo.toml"),
        "[package]\nname = \"core\"\nversion = \"0.1.0\"\n"
            + "[dependencies]\nserde = \"1\"\ntokio = \"1\"\nclap = \"4\"\n");
    Files.createDirectories(dir.resolve("target/surefire-reports"));
    Files.writeString(
        dir.resolve("target/surefire-reports/TEST-shop.CoreTest.xml"),
        "<?xml version=\"1.0\"?>\n<testsuite name=\"shop.CoreTest\" tests=\"2\" failures=\"0\""
            + " errors=\"0\" skipped=\"0\" time=\"400\">\n"
            + "  <testcase classname=\"shop.CoreTest\" name=\"a\" time=\"150\"/>\n"
            + "  <testcase classname=\"shop.CoreTest\" name=\"b\" time=\"250\"/>\n"
            + "</testsuite>\n");
  }

  private Path config(String objectives) throws Exception {
    Path file = dir.resolve("dx.yml");
    Files.writeString(
        file,
        "projects:\n  - name: shop\n    path: .\n    caches: [{name: target, path: target}]\n"
            + "    dependencies: {}\n    tests: {}\n"
            + objectives);
    return file;
  }

  private int run(String... args) {
    CommandLine cli = Cli.commandLine(Main.sources(), System.getenv());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  private JsonNode line(JsonNode card, String objective) {
    for (JsonNode l : card.get("objectives")) {
      if (l.get("name").asText().equals(objective)) {
        return l;
      }
    }
    throw new AssertionError("no line " + objective);
  }

  @Test
  void aTestSuitePastItsGateFailsTheCheckAndTheCardSaysWhy() throws Exception {
    int exit = run("--config.file", config("").toString(), "--format", "json");

    assertThat(exit).as(err.toString()).isEqualTo(1);
    JsonNode card = new ObjectMapper().readTree(out.toString()).get("projects").get(0);
    assertThat(card.get("gates_hold").asBoolean()).isFalse();
    JsonNode tests = line(card, "test_suite");
    assertThat(tests.get("current").asDouble()).isEqualTo(400.0);
    assertThat(tests.get("status").asText()).isEqualTo("gate_failed");
    assertThat(tests.get("gap").asDouble()).isEqualTo(100.0);
    JsonNode deps = line(card, "dependencies");
    assertThat(deps.get("current").asDouble()).isEqualTo(3.0);
    assertThat(deps.get("status").asText()).isEqualTo("met");
    assertThat(line(card, "ci_success_rate").get("status").asText()).isEqualTo("no_data");
    assertThat(line(card, "ci_success_rate").get("current").isNull()).isTrue();
  }

  @Test
  void theProjectsOwnLevelsDecide() throws Exception {
    Path file =
        config(
            "    objectives:\n"
                + "      test_suite: {target: 5m, gate: 10m, alert: 15m}\n"
                + "      dependencies: {target: 2, gate: 2}\n");

    assertThat(run("--config.file", file.toString(), "--format", "markdown")).isEqualTo(1);

    assertThat(out.toString())
        .contains(
            "| Test suite | 6.7 min | &lt; 5 min | &lt; 10 min | 100 s | ⚠️ off target | P0 |")
        .contains("| Dependencies | 3 | &lt; 2 | &lt; 2 | 1 | 🚨 gate failed | P2 |");
  }

  @Test
  void everyGateHoldingExitsZeroAndObjectivesWithoutDataSaySo() throws Exception {
    Path file = config("    objectives:\n      test_suite: {gate: 10m, alert: 15m}\n");

    assertThat(run("--config.file", file.toString())).as(err.toString()).isEqualTo(0);

    assertThat(out.toString())
        .contains("Quick Reference Card: shop")
        .containsPattern("CI success rate +no data +> 95 % +no data +P0")
        .contains("gates hold");
  }

  @Test
  void globalLevelsApplyToEveryProjectAndAProjectsOwnWin() throws Exception {
    Path file = dir.resolve("dx.yml");
    Files.writeString(
        file,
        "global:\n  objectives:\n    dependencies: {target: 1, gate: 2}\n"
            + "    test_suite: {gate: 10m, alert: 15m}\n"
            + "projects:\n  - name: a\n    path: .\n    dependencies: {}\n"
            + "  - name: b\n    path: .\n    dependencies: {}\n"
            + "    objectives:\n      dependencies: {gate: 4}\n");

    assertThat(run("--config.file", file.toString(), "--format", "json")).isEqualTo(1);

    JsonNode projects = new ObjectMapper().readTree(out.toString()).get("projects");
    assertThat(line(projects.get(0), "dependencies").get("gate").asDouble()).isEqualTo(2.0);
    assertThat(line(projects.get(0), "dependencies").get("status").asText())
        .isEqualTo("gate_failed");
    assertThat(line(projects.get(1), "dependencies").get("gate").asDouble()).isEqualTo(4.0);
    assertThat(line(projects.get(1), "dependencies").get("target").asDouble()).isEqualTo(1.0);
    assertThat(line(projects.get(1), "dependencies").get("status").asText())
        .isEqualTo("off_target");
  }

  @Test
  void aRequiredObjectiveWithoutDataFails() throws Exception {
    Path file = config("    objectives:\n      test_suite: {gate: 10m, alert: 15m}\n");

    assertThat(run("--config.file", file.toString(), "--require", "ci_success_rate")).isEqualTo(1);
    assertThat(err.toString()).contains("required objective has no data: shop/ci_success_rate");
  }

  @Test
  void configErrorsAreLocatedAndExitTwo() throws Exception {
    Path file =
        config(
            "    objectives:\n"
                + "      test_suit: {gate: 10m}\n"
                + "      clean_build: {target: 10m, gate: 5m}\n"
                + "      ci_success_rate: {alert: 1.5}\n");

    assertThat(run("--config.file", file.toString())).isEqualTo(2);

    assertThat(err.toString())
        .contains(file + ":8:7: projects[0].objectives.test_suit: unknown objective (known: ")
        .contains(
            file
                + ":9:20: projects[0].objectives.clean_build: the target (600.0) must be at most"
                + " the gate (300.0)")
        .contains(
            file + ":10:32: projects[0].objectives.ci_success_rate.alert: a ratio must be between");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnknownRequiredObjectiveIsAUsageError() throws Exception {
    assertThat(run("--config.file", config("").toString(), "--require", "speed")).isEqualTo(2);
    assertThat(err.toString()).contains("--require: unknown objective speed");
  }

  @Test
  void theZeroConfigDefaultChecksTheWorkspace() {
    assertThat(run("--workspace", dir.toString(), "--format", "json"))
        .as(err.toString())
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("\"name\" : \"test_suite\"")
        .contains("\"current\" : 400.0");
  }
}
