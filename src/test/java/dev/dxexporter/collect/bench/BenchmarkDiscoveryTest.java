package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDiscoveryTest {
  @TempDir Path project;

  @Test
  void criterionBenchmarkDirectoriesUnderTarget() throws Exception {
    CriterionLayoutsTest.copyTree(
        CriterionFixturesTest.FIXTURES.resolve("deduplicate/target"), project.resolve("target"));
    List<Path> dirs = BenchmarkDiscovery.criterionDirectories(project);
    assertThat(dirs).hasSize(18);
    assertThat(dirs).allSatisfy(d -> assertThat(d.resolve("new/estimates.json")).isRegularFile());
    assertThat(dirs.get(0)).isEqualTo(project.resolve("target/criterion/get/deduplicate get/0"));
    // group summaries and report/ directories are not benchmarks
    assertThat(dirs).noneMatch(d -> d.endsWith("report") || d.endsWith("get/64"));
  }

  @Test
  void nothingToFind() throws Exception {
    assertThat(BenchmarkDiscovery.criterionDirectories(project)).isEmpty();
    assertThat(BenchmarkDiscovery.pytestAutosaves(project)).isEmpty();
  }

  @Test
  void pytestAutosavesNewestPerMachine() throws Exception {
    Path linux = Files.createDirectories(project.resolve(".benchmarks/Linux-CPython-3.11-64bit"));
    Path mac = Files.createDirectories(project.resolve(".benchmarks/Darwin-CPython-3.12-64bit"));
    for (String name :
        new String[] {"0001_a.json", "0002_b.json", "0010_main.json", "notes.json"}) {
      Files.writeString(linux.resolve(name), "{}");
    }
    Files.writeString(mac.resolve("0003_x.json"), "{}");
    List<BenchmarkDiscovery.PytestAutosave> saves = BenchmarkDiscovery.pytestAutosaves(project);
    assertThat(saves)
        .containsExactly(
            new BenchmarkDiscovery.PytestAutosave(
                "Darwin-CPython-3.12-64bit", mac.resolve("0003_x.json"), null),
            new BenchmarkDiscovery.PytestAutosave(
                "Linux-CPython-3.11-64bit",
                linux.resolve("0010_main.json"),
                linux.resolve("0002_b.json")));
  }
}
