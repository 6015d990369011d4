package dev.dxexporter.collect.deps.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.deps.manifest.LockSource;
import dev.dxexporter.collect.deps.manifest.LockSummary;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.TomlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cargo.lock v1 to v4. Expected values: {@code src/test/resources/deps/cargo/locks.expected.json},
 * computed by {@code expected_locks.py} with Python's tomllib, independently of this code. The ggen
 * locks (a v3 root lock and 15 nested v4 ones, keyed {@code cargo/ggen-...} as under {@code
 * ../shared/fixtures}) are read from their copies in {@code src/test/resources/deps/cargo}; the
 * v1/v2/v3/v4 locks of {@code lockformats/} were written by cargo 1.95 itself ({@code cargo
 * generate-lockfile}, format chosen from {@code rust-version} 1.40, 1.41, 1.53 and 1.83) for a
 * package with a path dependency and two git revisions of one crate.
 */
class CargoLockfileTest {
  private final TomlDocuments documents = new TomlDocuments(new BoundedFiles());

  @Test
  void everyLockMatchesTomllib() throws Exception {
    JsonNode expected = CargoFixturesTest.expected("locks.expected.json");
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : expected.properties()) {
      String key = entry.getKey();
      Path file =
          CargoFixturesTest.CARGO.resolve(
              key.startsWith("cargo/") ? key.substring("cargo/".length()) : key);
      CargoLockfile lock = CargoLockfile.read(file, documents);
      LockSummary summary = lock.summary();
      JsonNode want = entry.getValue();
      assertThat(lock.formatVersion()).as(key).isEqualTo(want.get("version").asInt());
      assertThat(summary.packages(LockSource.REGISTRY))
          .as(key)
          .isEqualTo(want.get("registry").asInt());
      assertThat(summary.packages(LockSource.GIT)).as(key).isEqualTo(want.get("git").asInt());
      assertThat(summary.packages(LockSource.PATH)).as(key).isEqualTo(want.get("path").asInt());
      assertThat(summary.duplicatedNames()).as(key).isEqualTo(want.get("duplicated").asInt());
      checked.add(key);
    }
    // 16 ggen locks + the four formats
    assertThat(checked).hasSize(20);
    assertThat(expected.get("lockformats/v1/Cargo.lock").get("version").asInt()).isEqualTo(1);
  }

  @Test
  void sparseRegistryCountsAsRegistry(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Cargo.lock");
    Files.writeString(
        file,
        """
        version = 4

        [[package]]
        name = "a"
        version = "1.0.0"
        source = "sparse+https://index.crates.io/"
        """);
    assertThat(CargoLockfile.read(file, documents).summary().packages(LockSource.REGISTRY))
        .isEqualTo(1);
  }

  @Test
  void unknownSourceIsAnErrorWithLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Cargo.lock");
    Files.writeString(
        file,
        """
        version = 3

        [[package]]
        name = "a"
        version = "1.0.0"
        source = "ftp://example.invalid/"
        """);
    assertThatThrownBy(() -> CargoLockfile.read(file, documents))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("unknown source kind");
  }
}
