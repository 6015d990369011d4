package dev.dxexporter.collect.deps.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.deps.DepsFixtures;
import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * go.mod. The fixture {@code src/test/resources/deps/go/module/go.mod} is hand-written after the Go
 * reference; its expected values ({@code go.expected.json}) are what {@code go mod edit -json} (go
 * 1.19.8, Debian golang-go) reports for it, written by {@code expected_from_go.py}.
 */
class GoModuleTest {
  private static final Path MODULE = Path.of("src", "test", "resources", "deps", "go", "module");
  private final GoDependencyReader reader = new GoDependencyReader(new BoundedFiles());

  @Test
  void matchesGoModEdit() throws Exception {
    JsonNode expected = DepsFixtures.expected("go/go.expected.json");
    DependencyReport report = reader.read(MODULE);
    PackageDependencies module = report.packages().get(0);
    assertThat(module.packageName()).isEqualTo(expected.get("module").asText());
    assertThat(module.namesByKind().get("normal"))
        .containsExactlyInAnyOrderElementsOf(DepsFixtures.strings(expected.get("normal")));
    assertThat(module.namesByKind().get("indirect"))
        .containsExactlyInAnyOrderElementsOf(DepsFixtures.strings(expected.get("indirect")));
    assertThat(GoModule.read(MODULE.resolve("go.mod"), new BoundedFiles()).requirements())
        .hasSize(expected.get("requirements").asInt());
    // distinct external = the direct requirements only
    assertThat(report.distinctExternal())
        .containsExactlyInAnyOrderElementsOf(DepsFixtures.strings(expected.get("normal")));
    assertThat(report.lock()).isEmpty();
  }

  @Test
  void newerDirectivesAreAccepted(@TempDir Path dir) throws Exception {
    // toolchain (Go 1.21), godebug (1.23) and tool (1.24), written after the Go reference: the
    // go 1.19 installed here does not know them, so this one is not checked against the tool.
    Files.writeString(
        dir.resolve("go.mod"),
        """
        module example.com/new

        go 1.24.0

        toolchain go1.24.1

        godebug default=go1.21

        tool golang.org/x/tools/cmd/stringer

        require golang.org/x/tools v0.30.0 // indirect
        """);
    PackageDependencies p = reader.read(dir).packages().get(0);
    assertThat(p.count("indirect")).isEqualTo(1);
    assertThat(p.count("normal")).isZero();
  }

  @Test
  void aGoModAtItsCapIsReadAndOneByteMoreIsRefusedByName(@TempDir Path dir) throws Exception {
    dev.dxexporter.collect.deps.CapFiles.write("go-mod", dir);
    Path goMod = dir.resolve("go.mod");
    assertThat(Files.size(goMod)).isLessThanOrEqualTo(GoModule.MAX_BYTES);
    assertThat(reader.read(dir).packages()).hasSize(1);
    try (var out = Files.newOutputStream(goMod, java.nio.file.StandardOpenOption.APPEND)) {
      out.write(new byte[(int) (GoModule.MAX_BYTES - Files.size(goMod) + 1)]);
    }
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(goMod.toString())
        .hasMessageContaining("larger than 8388608 bytes");
  }

  @Test
  void unclosedBlockNamesFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("go.mod"), "module m\n\nrequire (\n\ta.b/c v1.0.0\n");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.resolve("go.mod") + ":3:1: require block");
  }

  @Test
  void badRequirementNamesLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("go.mod"), "module m\nrequire a.b/c\n");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.resolve("go.mod") + ":2:1:");
  }
}
