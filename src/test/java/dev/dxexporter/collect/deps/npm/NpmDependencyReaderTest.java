package dev.dxexporter.collect.deps.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.deps.DepsFixtures;
import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.LockSource;
import dev.dxexporter.collect.deps.manifest.LockSummary;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * npm. {@code src/test/resources/deps/npm/workspace} is a hand-written project with two workspaces
 * and a file: dependency; its package-lock.json (v3) and the v1/v2 locks under {@code locks/} were
 * written by npm 11.19.1 ({@code npm install --package-lock-only}); the expected values in {@code
 * npm.expected.json} are what {@code npm query '*' --package-lock-only} reports and npm's own
 * reading of each package.json in the lock (see {@code expected_from_npm.py}).
 */
class NpmDependencyReaderTest {
  private static final Path NPM = Path.of("src", "test", "resources", "deps", "npm");
  private final JsonDocuments json = new JsonDocuments(new BoundedFiles());
  private final NpmDependencyReader reader = new NpmDependencyReader(json);

  @Test
  void packagesAndKindsMatchNpm() throws Exception {
    JsonNode expected = DepsFixtures.expected("npm/npm.expected.json");
    DependencyReport report = reader.read(NPM.resolve("workspace"));
    List<String> names = new ArrayList<>();
    expected.get("packages").fieldNames().forEachRemaining(names::add);
    assertThat(report.packages())
        .extracting(PackageDependencies::packageName)
        .containsExactlyInAnyOrderElementsOf(names);
    expected
        .get("packages")
        .properties()
        .forEach(
            p -> {
              PackageDependencies actual = report.findPackage(p.getKey()).orElseThrow();
              p.getValue()
                  .properties()
                  .forEach(
                      kind ->
                          assertThat(actual.namesByKind().get(kind.getKey()))
                              .as("%s %s", p.getKey(), kind.getKey())
                              .containsExactlyInAnyOrderElementsOf(
                                  DepsFixtures.strings(kind.getValue())));
            });
    assertThat(report.distinctExternal())
        .containsExactlyInAnyOrderElementsOf(DepsFixtures.strings(expected.get("distinct")));
    assertThat(report.lock()).isPresent();
  }

  @Test
  void everyLockVersionMatchesNpmQuery() throws Exception {
    JsonNode expected = DepsFixtures.expected("npm/npm.expected.json").get("locks");
    List<String> checked = new ArrayList<>();
    expected
        .properties()
        .forEach(
            entry -> {
              try {
                NpmLockfile lock = NpmLockfile.read(NPM.resolve(entry.getKey()), json);
                LockSummary summary = lock.summary();
                JsonNode want = entry.getValue();
                assertThat(summary.packages(LockSource.REGISTRY))
                    .as(entry.getKey())
                    .isEqualTo(want.get("registry").asInt());
                assertThat(summary.packages(LockSource.GIT))
                    .as(entry.getKey())
                    .isEqualTo(want.get("git").asInt());
                assertThat(summary.packages(LockSource.PATH))
                    .as(entry.getKey())
                    .isEqualTo(want.get("path").asInt());
                assertThat(summary.duplicatedNames())
                    .as(entry.getKey())
                    .isEqualTo(want.get("duplicated").asInt());
                checked.add(entry.getKey() + " v" + lock.lockfileVersion());
              } catch (InputException e) {
                throw new AssertionError(e);
              }
            });
    assertThat(checked)
        .containsExactlyInAnyOrder(
            "locks/package-lock.v1.json v1", "locks/package-lock.v2.json v2",
            "locks/package-lock.v3-no-resolved.json v3", "workspace/package-lock.json v3");
  }

  @Test
  void gitResolutionCountsAsGit(@TempDir Path dir) throws Exception {
    // Hand-written in the shape npm records git dependencies (resolved "git+ssh://...#<commit>");
    // no git host is reachable here to have npm write one.
    Files.writeString(
        dir.resolve("package-lock.json"),
        """
        {"name": "g", "lockfileVersion": 3, "packages": {
          "": {"name": "g", "dependencies": {"dep": "github:owner/dep"}},
          "node_modules/dep": {"version": "1.0.0",
            "resolved": "git+ssh://git@github.com/owner/dep.git#0123456789abcdef0123456789abcdef01234567"}
        }}
        """);
    assertThat(
            NpmLockfile.read(dir.resolve("package-lock.json"), json)
                .summary()
                .packages(LockSource.GIT))
        .isEqualTo(1);
  }

  @Test
  void malformedJsonNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("package.json"), "{\n  \"name\": \"x\",\n  \"dependencies\": { \"a\": }\n}\n");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.resolve("package.json") + ":3:");
  }

  @Test
  void deeplyNestedJsonIsRefused(@TempDir Path dir) throws Exception {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\",\"dependencies\":{}}");
    Files.writeString(
        dir.resolve("package-lock.json"), "{\"lockfileVersion\":3,\"x\":" + deep + "}");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        // Jackson's constraint error carries no location: the file is named, the line is not.
        .hasMessageStartingWith(dir.resolve("package-lock.json").toString())
        .hasMessageContaining("nesting depth");
  }

  @Test
  void workspacePatternEscapingTheRootIsRefused(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectory(dir.resolve("root"));
    Files.writeString(root.resolve("package.json"), "{\"name\":\"r\",\"workspaces\":[\"../*\"]}");
    assertThatThrownBy(() -> reader.read(root))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("escapes the project root");
  }
}
