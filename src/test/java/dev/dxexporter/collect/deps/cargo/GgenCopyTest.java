package dev.dxexporter.collect.deps.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ggen workspaces in test resources are what their README says: every Cargo.toml and Cargo.lock
 * of the corpus in {@code ../shared/fixtures/cargo}, byte for byte, at the same relative paths, and
 * nothing else. Runs only where the corpus is (always in CI).
 */
class GgenCopyTest {
  @ParameterizedTest
  @ValueSource(strings = {"ggen-v2.6.0", "ggen-latest"})
  void copyHoldsExactlyTheCorpusManifestsAndLocks(String workspace) throws Exception {
    Path corpus = SharedCorpus.require("fixtures/cargo/" + workspace);
    Map<String, byte[]> expected = manifestsAndLocks(corpus);
    Map<String, byte[]> copied = manifestsAndLocks(CargoFixturesTest.root(workspace));
    assertThat(expected).isNotEmpty();
    assertThat(copied.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (relative, bytes) -> assertThat(copied.get(relative)).as(relative).isEqualTo(bytes));
    try (Stream<Path> all = Files.walk(CargoFixturesTest.root(workspace))) {
      assertThat(all.filter(Files::isRegularFile).count())
          .as("only Cargo.toml and Cargo.lock were copied")
          .isEqualTo(copied.size());
    }
  }

  private static Map<String, byte[]> manifestsAndLocks(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && (name.equals("Cargo.toml") || name.equals("Cargo.lock"))) {
          files.put(root.relativize(file).toString(), Files.readAllBytes(file));
        }
      }
    }
    return files;
  }
}
