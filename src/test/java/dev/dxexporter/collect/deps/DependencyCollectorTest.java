package dev.dxexporter.collect.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.FailedRunException;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SnapshotRegistry;
import dev.dxexporter.schedule.CollectorRunner;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector end to end on real files: the ggen-latest workspace (copied from {@code
 * ../shared/fixtures/cargo} into {@code src/test/resources/deps/cargo}) and copies of the test
 * fixtures. Expected numbers are read from the expected-value files (cargo metadata, tomllib, npm,
 * go mod edit), never typed in.
 */
class DependencyCollectorTest {
  private static final Path RESOURCES = DepsFixtures.RESOURCES;

  static Optional<Double> value(List<Sample> samples, MetricFamily family, String... labels) {
    Map<String, String> want = Sample.of(family, 0, labels).labels();
    return samples.stream()
        .filter(
            s -> s.family().equals(family) && s.labels().entrySet().containsAll(want.entrySet()))
        .map(s -> ((Sample.Scalar) s).value())
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one sample for " + want);
            });
  }

  @Test
  void ggenLatestSamples() throws Exception {
    JsonNode members = DepsFixtures.expected("cargo/ggen-latest.expected.json");
    JsonNode lock =
        DepsFixtures.expected("cargo/locks.expected.json").get("cargo/ggen-latest/Cargo.lock");
    List<Sample> samples =
        new DependencyCollector(
                "ggen", RESOURCES.resolve("cargo/ggen-latest"), Set.of(Ecosystem.CARGO))
            .collect();

    assertThat(value(samples, DependencyMetrics.DISTINCT, "project", "ggen", "ecosystem", "cargo"))
        .contains((double) members.get("distinct").size());
    members
        .get("members")
        .properties()
        .forEach(
            m -> {
              for (String kind : List.of("normal", "dev", "build")) {
                assertThat(
                        value(
                            samples,
                            DependencyMetrics.DEPENDENCIES,
                            "ecosystem",
                            "cargo",
                            "package",
                            m.getKey(),
                            "kind",
                            kind))
                    .as("%s %s", m.getKey(), kind)
                    .contains((double) m.getValue().get(kind).size());
              }
            });
    for (String source : List.of("registry", "git", "path")) {
      assertThat(value(samples, DependencyMetrics.LOCKED, "ecosystem", "cargo", "source", source))
          .contains(lock.get(source).asDouble());
    }
    assertThat(value(samples, DependencyMetrics.DUPLICATED, "ecosystem", "cargo"))
        .contains(lock.get("duplicated").asDouble());
    assertThat(value(samples, DependencyMetrics.READ_SUCCESS, "ecosystem", "cargo")).contains(1.0);
    // 14 members x 3 kinds + distinct + 3 locked + duplicated + read_success
    assertThat(samples).hasSize(members.get("members").size() * 3 + 6);
  }

  @Test
  void everyFamilySaysItIsRefreshedOnASchedule() {
    for (MetricFamily family :
        List.of(
            DependencyMetrics.DEPENDENCIES,
            DependencyMetrics.DISTINCT,
            DependencyMetrics.LOCKED,
            DependencyMetrics.DUPLICATED,
            DependencyMetrics.READ_SUCCESS)) {
      assertThat(family.help()).endsWith("Refreshed on the collector's schedule.");
      assertThat(family.name()).startsWith("dx_dependencies");
    }
  }

  @Test
  void oneBrokenEcosystemDoesNotHideTheOthers(@TempDir Path dir) throws Exception {
    Path project = polyglot(dir);
    Files.writeString(project.resolve("go.mod"), "module m\nrequire (\n");
    DependencyCollector collector = new DependencyCollector("p", project, Set.of());

    List<Sample> samples = collector.collect();

    assertThat(value(samples, DependencyMetrics.READ_SUCCESS, "ecosystem", "go")).contains(0.0);
    assertThat(value(samples, DependencyMetrics.READ_SUCCESS, "ecosystem", "npm")).contains(1.0);
    assertThat(value(samples, DependencyMetrics.READ_SUCCESS, "ecosystem", "maven")).contains(1.0);
    assertThat(value(samples, DependencyMetrics.READ_SUCCESS, "ecosystem", "cargo")).contains(1.0);
    assertThat(value(samples, DependencyMetrics.DISTINCT, "ecosystem", "go")).isEmpty();
    JsonNode npm = DepsFixtures.expected("npm/npm.expected.json");
    assertThat(value(samples, DependencyMetrics.DISTINCT, "ecosystem", "npm"))
        .contains((double) npm.get("distinct").size());
  }

  @Test
  void aFailingEcosystemRepeatsItsLastGoodSamples(@TempDir Path dir) throws Exception {
    Path project = polyglot(dir);
    DependencyCollector collector = new DependencyCollector("p", project, Set.of());
    List<Sample> good = collector.collect();
    Files.writeString(project.resolve("go.mod"), "module m\nrequire a.b/c\n");

    List<Sample> afterBreak = collector.collect();

    JsonNode go = DepsFixtures.expected("go/go.expected.json");
    assertThat(
            value(
                afterBreak, DependencyMetrics.DEPENDENCIES, "ecosystem", "go", "kind", "indirect"))
        .contains((double) go.get("indirect").size());
    assertThat(value(afterBreak, DependencyMetrics.READ_SUCCESS, "ecosystem", "go")).contains(0.0);
    assertThat(afterBreak).hasSameSizeAs(good);
  }

  @Test
  void throwsListingEveryFailureWhenNothingCouldBeRead(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Cargo.toml"), "[package\nname = 1\n");
    Files.writeString(dir.resolve("package.json"), "{");
    DependencyCollector collector = new DependencyCollector("p", dir, Set.of());
    assertThatThrownBy(collector::collect)
        .isInstanceOf(FailedRunException.class)
        .hasMessageContaining(dir.toAbsolutePath().resolve("Cargo.toml") + ":1:")
        .hasMessageContaining(dir.resolve("package.json") + ":1:2: not valid JSON")
        .hasMessageContaining("(opened at line 1, column 1)")
        .hasMessageNotContaining("REDACTED");
  }

  @Test
  void aProjectWhoseOnlyManifestBreaksExportsReadSuccessZeroThoughTheRunFails(@TempDir Path dir)
      throws Exception {
    Path project = Files.createDirectory(dir.resolve("project"));
    Files.copy(RESOURCES.resolve("go/module/go.mod"), project.resolve("go.mod"));
    CollectorId id = new CollectorId("p", "dependencies");
    SnapshotRegistry registry = new SnapshotRegistry(List.of(), MetricSnapshots::of);
    registry.install(List.of(new SnapshotRegistry.Registration(id, 60, id)));
    CollectorRunner runner =
        new CollectorRunner(
            id,
            id,
            new DependencyCollector("p", project, Set.of()),
            registry,
            Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC));
    runner.runOnce();
    assertThat(value(registry.states().get(0).samples(), DependencyMetrics.READ_SUCCESS))
        .contains(1.0);

    Files.writeString(project.resolve("go.mod"), "module m\nrequire (\n");
    runner.runOnce();

    CollectorState state = registry.states().get(0);
    assertThat(state.lastRunSucceeded()).isFalse();
    assertThat(state.lastError().orElseThrow()).contains(project.resolve("go.mod").toString());
    assertThat(value(state.samples(), DependencyMetrics.READ_SUCCESS, "ecosystem", "go"))
        .contains(0.0);
    JsonNode go = DepsFixtures.expected("go/go.expected.json");
    assertThat(value(state.samples(), DependencyMetrics.DEPENDENCIES, "kind", "indirect"))
        .contains((double) go.get("indirect").size());
  }

  @Test
  void symlinkedManifestOutsideTheRootIsNotRead(@TempDir Path dir, @TempDir Path elsewhere)
      throws Exception {
    Path secret = elsewhere.resolve("secret.toml");
    Files.writeString(secret, "token = \"do-not-quote-me\"\n[");
    Path project = Files.createDirectory(dir.resolve("project"));
    Files.createSymbolicLink(project.resolve("Cargo.toml"), secret);
    assertThatThrownBy(new DependencyCollector("p", project, Set.of())::collect)
        .hasMessageContaining(
            project.resolve("Cargo.toml")
                + ": resolves (through a symlink) to a file outside the project root")
        .hasMessageNotContaining("do-not-quote-me");
  }

  @Test
  void mavenModuleWhoseParentLiesAboveTheRootIsRead(@TempDir Path dir) throws Exception {
    // The configured root is one module of a bigger build: its parent pom is outside the root and
    // is not read (no inherited dependencies), the module itself is.
    Files.writeString(
        dir.resolve("pom.xml"),
        """
        <project><groupId>g</groupId><artifactId>parent</artifactId><version>1</version>
          <dependencies><dependency><groupId>x</groupId><artifactId>inherited</artifactId></dependency></dependencies>
        </project>""");
    Path module = Files.createDirectory(dir.resolve("module"));
    Files.writeString(
        module.resolve("pom.xml"),
        """
        <project><parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version></parent>
          <artifactId>module</artifactId>
          <dependencies><dependency><groupId>x</groupId><artifactId>own</artifactId><scope>test</scope></dependency></dependencies>
        </project>""");
    List<Sample> samples = new DependencyCollector("p", module, Set.of()).collect();
    assertThat(value(samples, DependencyMetrics.DEPENDENCIES, "package", "module", "kind", "test"))
        .contains(1.0);
    assertThat(
            value(samples, DependencyMetrics.DEPENDENCIES, "package", "module", "kind", "compile"))
        .contains(0.0);
  }

  @Test
  void configuredEcosystemWithoutManifestIsAFailure(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("go.mod"), "module example.com/m\n");
    List<Sample> samples =
        new DependencyCollector("p", dir, Set.of(Ecosystem.GO, Ecosystem.NPM)).collect();
    assertThat(value(samples, DependencyMetrics.READ_SUCCESS, "ecosystem", "npm")).contains(0.0);
    assertThat(value(samples, DependencyMetrics.READ_SUCCESS, "ecosystem", "go")).contains(1.0);
  }

  @Test
  void noManifestAtAllThrows(@TempDir Path dir) {
    assertThatThrownBy(new DependencyCollector("p", dir, Set.of())::collect)
        .hasMessageContaining("no Cargo.toml, pom.xml, package.json or go.mod");
    assertThatThrownBy(new DependencyCollector("p", dir.resolve("missing"), Set.of())::collect)
        .hasMessageContaining("missing");
  }

  @Test
  void detectLooksAtTheRootOnly(@TempDir Path dir) throws Exception {
    Path project = polyglot(dir);
    assertThat(Ecosystem.detect(project)).containsExactlyInAnyOrder(Ecosystem.values());
    Files.createDirectories(dir.resolve("empty/sub"));
    Files.writeString(dir.resolve("empty/sub/Cargo.toml"), "[package]\nname = \"x\"\n");
    assertThat(Ecosystem.detect(dir.resolve("empty"))).isEmpty();
  }

  @Test
  void stopsWhenInterrupted(@TempDir Path dir) throws Exception {
    Path project = polyglot(dir);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(new DependencyCollector("p", project, Set.of())::collect)
          .isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
  }

  /** A project root with all four ecosystems: copies of the Cargo, Maven, npm and Go fixtures. */
  static Path polyglot(Path dir) throws Exception {
    Path project = dir.resolve("project");
    copy(RESOURCES.resolve("cargo/synthetic"), project);
    copy(RESOURCES.resolve("maven/multi"), project);
    copy(RESOURCES.resolve("npm/workspace"), project);
    copy(RESOURCES.resolve("go/module"), project);
    return project;
  }

  static void copy(Path from, Path to) throws Exception {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = walk.collect(Collectors.toList());
    }
    for (Path source : paths) {
      Path target = to.resolve(from.relativize(source).toString());
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.copy(source, target);
      }
    }
  }
}
