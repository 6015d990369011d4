package dev.dxexporter.collect.deps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real ggen workspaces, read from {@code ../shared/fixtures/cargo} relative to the repository
 * root (the test working directory): CI has a read-only copy of shared/ beside the clone, as here.
 *
 * <p>Expected values: {@code src/test/resources/deps/cargo/<fixture>.expected.json}, written by
 * {@code expected_from_cargo_metadata.py} from the output of {@code cargo metadata --no-deps
 * --offline} (cargo 1.95.0, stable) on a copy of the same manifests. How they were computed is in
 * that script and in {@code src/test/resources/deps/README.md}.
 */
class CargoFixturesTest {
  static final Path FIXTURES = Path.of("..", "shared", "fixtures", "cargo");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CargoDependencyReader reader =
      new CargoDependencyReader(new TomlDocuments(new ManifestFiles()));

  static JsonNode expected(String name) throws IOException {
    try (InputStream in = CargoFixturesTest.class.getResourceAsStream("/deps/cargo/" + name)) {
      return JSON.readTree(in);
    }
  }

  static Set<String> strings(JsonNode array) {
    Set<String> result = new TreeSet<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }

  static final Path RESOURCES = Path.of("src", "test", "resources", "deps", "cargo");

  /** The root of a fixture: the ggen trees in shared/, the hand-written ones in test resources. */
  static Path root(String fixture) {
    return fixture.startsWith("ggen-") ? FIXTURES.resolve(fixture) : RESOURCES.resolve(fixture);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ggen-v2.6.0", "ggen-latest", "synthetic", "lockformats/v4"})
  void membersAndDependenciesMatchCargoMetadata(String fixture) throws Exception {
    Path root = root(fixture);
    assertThat(root).as("shared fixtures beside the clone").isDirectory();
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
            .containsExactlyInAnyOrderElementsOf(strings(member.getValue().get(kind)));
      }
    }
    assertThat(report.distinctExternal())
        .containsExactlyInAnyOrderElementsOf(strings(expected.get("distinct")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ggen-v2.6.0", "ggen-latest"})
  void countsAreStableNumbers(String fixture) throws Exception {
    // The same comparison as above, as the numbers the metrics carry (sizes of the cargo sets).
    JsonNode expected = expected(fixture + ".expected.json");
    DependencyReport report = reader.read(FIXTURES.resolve(fixture));
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
    DependencyReport report = reader.read(FIXTURES.resolve("ggen-v2.6.0"));
    assertThat(report.findPackage("ggen-marketplace").orElseThrow().namesByKind().get("normal"))
        .contains("nix", "wasmtime", "moka", "tantivy", "tracing-subscriber");
  }

  @org.junit.jupiter.api.Test
  void nonMembersInTheTreeAreNotMembers() throws Exception {
    // ggen-latest has 142 Cargo.toml files; cargo metadata names 14 members.
    Path root = FIXTURES.resolve("ggen-latest");
    long manifests;
    try (var walk = Files.walk(root)) {
      manifests = walk.filter(p -> p.getFileName().toString().equals("Cargo.toml")).count();
    }
    assertThat(manifests).isEqualTo(142);
    assertThat(reader.read(root).packages())
        .hasSize(expected("ggen-latest.expected.json").get("members").size());
  }
}
