package dev.dxexporter.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dxexporter.collect.cache.CacheScope;
import dev.dxexporter.config.Detection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-config finds the build directories the build tools really write (issue 11), each over a
 * small tree made here; the Maven reactor is the dependency tests' hand-written one.
 */
class BuildDirectoriesTest {
  private static final Path MAVEN_MULTI = Path.of("src/test/resources/deps/maven/multi");

  @TempDir Path tmp;

  private Path project() throws Exception {
    return Files.createDirectories(tmp.resolve("project"));
  }

  private List<CacheSource.Cache> detect(Path root, Map<String, String> env) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    return CacheDetection.detect(new Detection(root, home, env));
  }

  private static List<String> names(List<CacheSource.Cache> caches) {
    return caches.stream().map(CacheSource.Cache::name).toList();
  }

  private static void mkdirs(Path root, String... dirs) throws Exception {
    for (String d : dirs) {
      Files.createDirectories(root.resolve(d));
    }
  }

  @Test
  void multiModuleMavenHasATargetPerModuleFromTheModulesListRecursively() throws Exception {
    Path root = project();
    try (Stream<Path> walk = Files.walk(MAVEN_MULTI)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path to = root.resolve(MAVEN_MULTI.relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
    // A target/ of a directory that is not a module is not the build's.
    mkdirs(root, "core/target", "app/target", "libs/util/target", "not-a-module/target");

    List<CacheSource.Cache> caches = detect(root, Map.of());

    assertThat(caches)
        .extracting(CacheSource.Cache::name, CacheSource.Cache::path, CacheSource.Cache::scope)
        .containsExactly(
            tuple("core/target", root.resolve("core/target"), CacheScope.PROJECT),
            tuple("app/target", root.resolve("app/target"), CacheScope.PROJECT),
            tuple("libs/util/target", root.resolve("libs/util/target"), CacheScope.PROJECT));
  }

  @Test
  void cargoTargetDirComesFromTheEnvironmentThenTheProjectsCargoConfig() throws Exception {
    Path root = project();
    Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"x\"\n");
    Files.createDirectories(root.resolve(".cargo"));
    Files.writeString(root.resolve(".cargo/config.toml"), "[build]\ntarget-dir = \"out/cargo\"\n");
    mkdirs(root, "out/cargo/debug", "ci-target/debug");

    // build.target-dir is relative to the directory holding .cargo, i.e. the project root.
    assertThat(names(detect(root, Map.of()))).containsExactly("out/cargo");
    // CARGO_TARGET_DIR (the daemon's environment) wins over the config, as in Cargo.
    assertThat(names(detect(root, Map.of("CARGO_TARGET_DIR", "ci-target"))))
        .containsExactly("ci-target");
  }

  @Test
  void aCargoTargetDirInsideTargetIsCountedOnceAndOneOutsideTheProjectIsRefused() throws Exception {
    Path root = project();
    Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"x\"\n");
    mkdirs(root, "target/ci/debug");
    Path elsewhere = Files.createDirectories(tmp.resolve("shared-target"));

    // The roadmap's target/ci lies inside target/, which already counts it.
    assertThat(names(detect(root, Map.of("CARGO_TARGET_DIR", "target/ci"))))
        .containsExactly("target");
    // Outside the project it may be another project's: measured only when configured.
    assertThat(names(detect(root, Map.of("CARGO_TARGET_DIR", elsewhere.toString()))))
        .containsExactly("target");
  }

  @Test
  void gradleHasABuildDirectoryBesideTheRootAndEachIncludedSubproject() throws Exception {
    Path root = project();
    Files.writeString(
        root.resolve("settings.gradle.kts"),
        "rootProject.name = \"shop\"\ninclude(\":app\", \":lib:core\")\ninclude(\"docs\")\n");
    Files.writeString(root.resolve("build.gradle.kts"), "plugins { java }\n");
    mkdirs(root, "build/classes", "app/build/classes", "lib/core/build/libs", "stray/build");

    assertThat(names(detect(root, Map.of())))
        .containsExactly("build", "app/build", "lib/core/build");
  }

  @Test
  void aGradleBuildBringsGradlesUserCachesOnly() throws Exception {
    Path root = project();
    Files.writeString(root.resolve("build.gradle"), "apply plugin: 'java'\n");
    Path home = Files.createDirectories(tmp.resolve("home"));
    mkdirs(home, ".gradle/caches/modules-2", ".m2/repository", ".npm");
    Path gradleHome = Files.createDirectories(tmp.resolve("gradle-home/caches")).getParent();

    assertThat(detect(root, Map.of()))
        .extracting(CacheSource.Cache::name, CacheSource.Cache::path, CacheSource.Cache::scope)
        .containsExactly(tuple("gradle-caches", home.resolve(".gradle/caches"), CacheScope.USER));
    assertThat(detect(root, Map.of("GRADLE_USER_HOME", gradleHome.toString())))
        .extracting(CacheSource.Cache::path)
        .containsExactly(gradleHome.resolve("caches"));
  }

  @Test
  void gradleGroovySettingsIncludeListsWork() throws Exception {
    Path root = project();
    Files.writeString(root.resolve("settings.gradle"), "include 'api', 'web'\n");
    mkdirs(root, "api/build", "web/build");

    assertThat(names(detect(root, Map.of()))).containsExactly("api/build", "web/build");
  }

  @Test
  void npmWorkspacesEachHaveTheirNodeModules() throws Exception {
    Path root = project();
    Files.writeString(
        root.resolve("package.json"), "{\"name\": \"mono\", \"workspaces\": [\"packages/*\"]}");
    for (String p : List.of("packages/ui", "packages/api")) {
      Files.createDirectories(root.resolve(p));
      Files.writeString(root.resolve(p).resolve("package.json"), "{\"name\": \"" + p + "\"}");
    }
    mkdirs(
        root, "node_modules/.bin", "packages/ui/node_modules/react", "packages/api/node_modules");

    assertThat(names(detect(root, Map.of())))
        .containsExactly("node_modules", "packages/api/node_modules", "packages/ui/node_modules");
  }

  @Test
  void aModuleTargetThatIsASymlinkOutOfTheProjectIsNotMeasured() throws Exception {
    Path root = project();
    Files.writeString(root.resolve("settings.gradle"), "include 'app'\n");
    Files.createDirectories(root.resolve("app"));
    Files.createSymbolicLink(root.resolve("app/build"), Path.of("/"));
    mkdirs(root, "build");

    assertThat(names(detect(root, Map.of()))).containsExactly("build");
  }
}
