package dev.dxexporter.collect.deps.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.deps.DepsFixtures;
import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.TomlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real ggen workspaces, their Cargo.toml and Cargo.lock files copied byte for byte from {@code
 * ../shared/fixtures/cargo} into {@code src/test/resources/deps/cargo/ggen-*} (provenance and
 * licence: {@code cargo/README.md} there; {@link GgenCopyTest} checks the copy against the corpus
 * when it is present).
 *
 * <p>Expected values: {@code src/test/resources/deps/cargo/<fixture>.expected.json}, written by
 * {@code expected_from_cargo_metadata.py} from the output of {@code cargo metadata --no-deps
 * --offline} (cargo 1.95.0, stable) on a copy of the same manifests. How they were computed is in
 * that script and in {@code src/test/resources/deps/README.md}.
 */
class CargoFixturesTest {
  /** The Cargo fixtures: the ggen copies and the hand-written ones. */
  static final Path CARGO = DepsFixtures.RESOURCES.resolve("cargo");

  private final CargoDependencyReader reader =
      new CargoDependencyReader(new TomlDocuments(new BoundedFiles()));

  static JsonNode expected(String name) throws IOException {
    return DepsFixtures.expected("cargo/" + name);
  }

  static Path root(String fixture) {
    return CARGO.resolve(fixture);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ggen-v2.6.0", "ggen-latest", "synthetic", "lockformats/v4"})
  void membersAndDependenciesMatchCargoMetadata(String fixture) throws Exception {
    Path root = root(fixture);
    assertThat(root).as("fixture in test resources").isDirectory();
    JsonNode expected = expected(fixture.replace('/', '-') + ".expected.json");
    assertThat(expected.has("cargo_error")).as("cargo read the workspace").isFalse();

    DependencyReport report = reader.read(root);

    List<String> expectedMembers = new ArrayList<>();
    expected.get("members").fieldNames().forEachRemaining(expectedMembers::add);
    assertThat(report.packages())
        .extracting(PackageDependencies::packageName)
        .containsExactlyInAnyOrderElementsOf(expectedMembers);
    for (Map.Entry<String, JsonNode> member : expected.get("members").properties()) {
      PackageDependencies actual = report.findPackage(member.getKey()).orElseThrow();
      for (String kind : List.of("normal", "dev", "build")) {
        assertThat(actual.namesByKind().get(kind))
            .as("%s %s dependencies of %s", fixture, kind, member.getKey())
            .containsExactlyInAnyOrderElementsOf(DepsFixtures.strings(member.getValue().get(kind)));
      }
    }
    assertThat(report.distinctExternal())
        .containsExactlyInAnyOrderElementsOf(DepsFixtures.strings(expected.get("distinct")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ggen-v2.6.0", "ggen-latest"})
  void countsAreStableNumbers(String fixture) throws Exception {
    // The same comparison as above, as the numbers the metrics carry (sizes of the cargo sets).
    JsonNode expected = expected(fixture + ".expected.json");
    DependencyReport report = reader.read(root(fixture));
    assertThat(report.distinctExternal()).hasSize(expected.get("distinct").size());
    expected
        .get("members")
        .properties()
        .forEach(
            m -> {
              PackageDependencies actual = report.findPackage(m.getKey()).orElseThrow();
              assertThat(actual.count("normal")).isEqualTo(m.getValue().get("normal").size());
              assertThat(actual.count("dev")).isEqualTo(m.getValue().get("dev").size());
              assertThat(actual.count("build")).isEqualTo(m.getValue().get("build").size());
            });
  }

  @org.junit.jupiter.api.Test
  void targetSpecificTableOfGgenMarketplaceCountsAsNormal() throws Exception {
    // crates/ggen-marketplace at v2.6.0 opens [target.'cfg(unix)'.dependencies] and everything
    // after
    // it (wasmtime, moka, tantivy, ...) belongs to that table: cargo metadata lists them as normal
    // dependencies with target "cfg(unix)" (see ggen-v2.6.0.expected.json).
    DependencyReport report = reader.read(root("ggen-v2.6.0"));
    assertThat(report.findPackage("ggen-marketplace").orElseThrow().namesByKind().get("normal"))
        .contains("nix", "wasmtime", "moka", "tantivy", "tracing-subscriber");
  }

  @org.junit.jupiter.api.Test
  void nonMembersInTheTreeAreNotMembers() throws Exception {
    // ggen-latest has 142 Cargo.toml files; cargo metadata names 14 members.
    Path root = root("ggen-latest");
    long manifests;
    try (var walk = Files.walk(root)) {
      manifests = walk.filter(p -> p.getFileName().toString().equals("Cargo.toml")).count();
    }
    assertThat(manifests).isEqualTo(142);
    assertThat(reader.read(root).packages())
        .hasSize(expected("ggen-latest.expected.json").get("members").size());
  }
}
