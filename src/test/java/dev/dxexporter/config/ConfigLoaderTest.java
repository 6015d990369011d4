package dev.dxexporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.cache.CacheScope;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.config.yaml.ConfigError;
import dev.dxexporter.config.yaml.ConfigException;
import dev.dxexporter.config.yaml.YamlErrors;
import dev.dxexporter.config.yaml.YamlFiles;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.plan.CacheSource;
import dev.dxexporter.plan.DependencySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final CacheSource CACHES = new CacheSource();
  private static final DependencySource DEPENDENCIES = new DependencySource();
  @TempDir Path dir;
  private final Path home = Path.of("/home/dev");

  private ConfigLoader loader() {
    return new ConfigLoader(List.of(CACHES, DEPENDENCIES), home, Map.of());
  }

  private static List<CacheSource.Cache> caches(ProjectConfig p) {
    return p.settings(CACHES).map(CacheSource.Caches::caches).orElse(List.of());
  }

  private DxConfig load(String yaml) throws Exception {
    Path file = dir.resolve("dx.yml");
    Files.writeString(file, yaml);
    return loader().load(file);
  }

  private List<ConfigError> errors(String yaml) {
    Path file = dir.resolve("bad.yml");
    try {
      Files.writeString(file, yaml);
      loader().load(file);
    } catch (ConfigException e) {
      return e.errors();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected the config to be rejected");
  }

  @Test
  void readsAFullConfigWithDefaultsAndOverrides() throws Exception {
    DxConfig c =
        load(
            """
        global:
          cache: {schedule: 2m, stale_after: 3d, timeout: 30s}
          dependencies: {schedule: 1h}
        projects:
          - name: ggen
            path: projects/ggen
            caches:
              - name: target
                path: target
              - name: cargo-registry
                path: ~/.cargo/registry
                schedule: "0 */5 * * * ?"
                stale_after: 14d
                one_filesystem: true
            dependencies:
              ecosystems: [cargo, npm]
          - name: other
            path: /srv/other
            dependencies: {enabled: false}
        """);
    assertThat(c.source()).contains(dir.resolve("dx.yml").toAbsolutePath());
    assertThat(c.projects()).hasSize(2);
    ProjectConfig ggen = c.projects().get(0);
    assertThat(ggen.path()).isEqualTo(dir.resolve("projects/ggen").toAbsolutePath());
    CacheSource.Cache target = caches(ggen).get(0);
    assertThat(target.path()).isEqualTo(dir.resolve("projects/ggen/target").toAbsolutePath());
    assertThat(target.schedule()).isEqualTo(new Schedule.Every(Duration.ofMinutes(2)));
    assertThat(target.staleAfter()).isEqualTo(Duration.ofDays(3));
    assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(30));
    CacheSource.Cache registry = caches(ggen).get(1);
    assertThat(registry.path()).isEqualTo(Path.of("/home/dev/.cargo/registry"));
    assertThat(registry.schedule()).isEqualTo(new Schedule.Cron("0 */5 * * * ?"));
    assertThat(registry.staleAfter()).isEqualTo(Duration.ofDays(14));
    assertThat(registry.oneFilesystem()).isTrue();
    assertThat(target.oneFilesystem()).isFalse();
    assertThat(ggen.settings(DEPENDENCIES))
        .get()
        .isEqualTo(
            new DependencySource.Dependencies(
                ggen.path(),
                new Schedule.Every(Duration.ofHours(1)),
                Set.of(Ecosystem.CARGO, Ecosystem.NPM)));
    ProjectConfig other = c.projects().get(1);
    assertThat(caches(other)).isEmpty();
    assertThat(other.settings(DEPENDENCIES)).isEmpty();
  }

  @Test
  void dependenciesAreOnByDefaultWithDetection() throws Exception {
    DxConfig c = load("projects:\n  - {name: p, path: /p}\n");
    assertThat(c.projects().get(0).settings(DEPENDENCIES))
        .get()
        .extracting(DependencySource.Dependencies::ecosystems)
        .isEqualTo(Set.of());
  }

  @Test
  void unknownKeysAreErrorsWithFileLineColumnAndKey() {
    List<ConfigError> errors =
        errors(
            """
        projects:
          - name: p
            path: /p
            cashes: []
        """);
    assertThat(errors).hasSize(1);
    ConfigError e = errors.get(0);
    assertThat(e.file()).endsWith("bad.yml");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.key()).isEqualTo("projects[0].cashes");
    assertThat(e.toString())
        .matches(".*bad\\.yml:4:5: projects\\[0\\]\\.cashes: unknown key.*caches.*");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    List<ConfigError> errors =
        errors(
            """
        projects:
          - name: p
            path: /p
            caches:
              - name: target
                path: target
                schedule: every 5 minutes
                stale_after: 7 days
              - name: target
          - name: p
            path: /q
        """);
    assertThat(errors)
        .extracting(ConfigError::key)
        .containsExactlyInAnyOrder(
            "projects[0].caches[0].schedule",
            "projects[0].caches[0].stale_after",
            "projects[0].caches[1].name",
            "projects[0].caches[1].path",
            "projects[1].name");
    assertThat(errors)
        .filteredOn(e -> e.key().endsWith("schedule"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(7);
              assertThat(e.message()).contains("invalid Quartz cron expression");
            });
    assertThat(errors)
        .filteredOn(e -> e.key().equals("projects[1].name"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("duplicate project name"));
  }

  @Test
  void oneFilesystemIsABooleanWithALocatedError() {
    List<ConfigError> errors =
        errors(
            """
        projects:
          - name: p
            path: /p
            caches:
              - name: target
                path: target
                one_filesystem: yes
        """);
    assertThat(errors).hasSize(1);
    ConfigError e = errors.get(0);
    assertThat(e.key()).isEqualTo("projects[0].caches[0].one_filesystem");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.message()).contains("expected true or false");
  }

  @Test
  void aCacheIsTheProjectsUnlessItsScopeSaysUserAndAnUnknownScopeIsLocated() throws Exception {
    DxConfig config =
        load(
            """
        projects:
          - name: p
            path: /p
            caches:
              - {name: target, path: target}
              - {name: m2, path: ~/.m2/repository, scope: user}
              - {name: shared-but-alerting, path: /srv/cache, scope: project}
        """);
    assertThat(caches(config.projects().get(0)))
        .extracting(CacheSource.Cache::scope)
        .containsExactly(CacheScope.PROJECT, CacheScope.USER, CacheScope.PROJECT);

    List<ConfigError> errors =
        errors(
            """
        projects:
          - name: p
            path: /p
            caches:
              - {name: target, path: target, scope: host}
        """);
    assertThat(errors)
        .singleElement()
        .hasToString(
            dir.resolve("bad.yml")
                + ":5:45: projects[0].caches[0].scope: \"host\" is not a scope (project, user)");
  }

  @Test
  void aUserCacheIsConfiguredOnceAcrossProjects() {
    assertThat(
            errors(
                """
        projects:
          - name: a
            path: /a
            caches: [{name: m2, path: ~/.m2/repository, scope: user}]
          - name: b
            path: /b
            caches:
              - {name: target, path: target}
              - {name: m2, path: ~/.m2/repository, scope: user}
        """))
        .singleElement()
        .hasToString(
            dir.resolve("bad.yml")
                + ":9:16: projects[1].caches[1].name: user cache \"m2\" is already configured at"
                + " projects[0].caches[0]; a user cache is shared by every project: configure it"
                + " once");
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    List<ConfigError> errors = errors("projects:\n  - name: p\n    path: [unclosed\n");
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isGreaterThanOrEqualTo(3);
              assertThat(e.message()).startsWith("YAML syntax");
            });
  }

  @Test
  void rejectsBadValues() {
    assertThat(errors("projects:\n  - {name: 'bad name!', path: /p}\n"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("not a valid name"));
    assertThat(errors("projects:\n  - {name: p, path: /p, dependencies: {ecosystems: [rust]}}\n"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("unknown ecosystem \"rust\""));
    assertThat(
            errors(
                "projects:\n  - {name: p, path: /p, caches: [{name: c, path: c, schedule: 0s}]}\n"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("at least 1s"));
    assertThat(
            errors(
                "projects:\n  - {name: p, path: /p, caches: [{name: c, path: c, schedule: 20y, timeout: 11y}]}\n"))
        .extracting(ConfigError::message)
        .containsExactlyInAnyOrder("interval must be at most 10y", "must be at most 10y");
    assertThat(errors("projects:\n  - {name: p}\n"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.key()).isEqualTo("projects[0].path");
              assertThat(e.message()).contains("required");
            });
    assertThat(errors("projects: {name: p}\n"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("expected a list"));
    assertThat(errors("projects:\n  - {name: p, path: /p, name: q}\n"))
        .anySatisfy(e -> assertThat(e.message()).contains("duplicate key"));
  }

  @Test
  void emptyAndNonMappingFilesAreRejected() {
    assertThat(errors(""))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("empty"));
    assertThat(errors("- a\n- b\n"))
        .anySatisfy(e -> assertThat(e.message()).contains("expected a mapping"));
    assertThat(errors("global: {}\n"))
        .singleElement()
        .satisfies(e -> assertThat(e.key()).isEqualTo("projects"));
  }

  @Test
  void aProjectPathThatIsAFileOrMissingIsAWarningAtItsLineNotAnError() throws Exception {
    Files.writeString(dir.resolve("a-file"), "x");
    Files.createDirectory(dir.resolve("real"));
    DxConfig config =
        load(
            "projects:\n  - {name: real, path: real}\n  - {name: file, path: a-file}\n"
                + "  - {name: gone, path: /no/such/dir}\n");
    assertThat(config.projects()).hasSize(3);
    assertThat(config.warnings())
        .extracting(ConfigError::toString)
        .containsExactly(
            dir.resolve("dx.yml")
                + ":3:24: projects[1].path: "
                + dir.resolve("a-file")
                + " is not a directory; nothing is collected there until it does",
            dir.resolve("dx.yml")
                + ":4:24: projects[2].path: /no/such/dir does not exist; nothing is collected"
                + " there until it does");
  }

  @Test
  void anEmptyProjectListIsALocatedError() {
    assertThat(errors("projects: []\n"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.key()).isEqualTo("projects");
              assertThat(e.message()).contains("the list is empty");
            });
  }

  @Test
  void yaml12KeepsNorwayAndOnAsStrings() throws Exception {
    // YAML 1.1 parsers turn `on`/`NO` into booleans; SnakeYAML Engine (1.2) must not.
    DxConfig c = load("projects:\n  - {name: 'on', path: /NO}\n");
    assertThat(c.projects().get(0).name()).isEqualTo("on");
    assertThat(c.projects().get(0).path()).isEqualTo(Path.of("/NO"));
  }

  @Test
  void aliasBombsAndHugeFilesAreRefused() throws Exception {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char p = (char) (c - 1);
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append("]\n");
    }
    assertThat(errors(bomb.toString()))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).containsIgnoringCase("alias"));
    Path huge = dir.resolve("huge.yml");
    Files.write(huge, new byte[YamlFiles.MAX_BYTES + 1]);
    assertThatThrownBy(() -> loader().load(huge))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void missingFileNamesTheFile() {
    assertThatThrownBy(() -> loader().load(dir.resolve("absent.yml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("absent.yml: file not found")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void secretsComeFromEnvironmentOrFileAndNeverPrintTheirValue() throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "s3cret-from-file\n");
    YamlErrors errors = new YamlErrors("t.yml");
    var node =
        new org.snakeyaml.engine.v2.api.lowlevel.Compose(
                org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
            .composeString(
                "a: {env: GH_TOKEN}\nb: {file: token}\nc: {env: X, file: y}\nd: inline\n")
            .orElseThrow();
    YamlMapping m = YamlMapping.of(node, "", errors);
    Map<String, String> env = Map.of("GH_TOKEN", "s3cret-from-env");
    SectionReader reader = new SectionReader(errors, home, env, dir, null, null, null);
    Secret a = reader.secret(m, "a").orElseThrow();
    Secret b = reader.secret(m, "b").orElseThrow();
    assertThat(a.resolve()).isEqualTo("s3cret-from-env");
    assertThat(b.resolve()).isEqualTo("s3cret-from-file");
    assertThat(a.toString()).isEqualTo("env:GH_TOKEN").doesNotContain("s3cret");
    assertThat(b.toString()).doesNotContain("s3cret");
    assertThat(reader.secret(m, "c")).isEmpty();
    assertThat(reader.secret(m, "d")).isEmpty();
    assertThat(errors.list()).hasSize(3); // c: both given; d: not a mapping, then neither given
    assertThatThrownBy(() -> new Secret.FromEnv("UNSET", Map.of()).resolve())
        .hasMessageContaining("UNSET");
  }
}
