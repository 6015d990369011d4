package dev.dxexporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dxexporter.collect.cache.CacheScope;
import dev.dxexporter.plan.CacheSource;
import dev.dxexporter.plan.DependencySource;
import dev.dxexporter.plan.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeroConfigTest {
  private static final CacheSource CACHES = new CacheSource();
  private static final DependencySource DEPENDENCIES = new DependencySource();
  private static final List<Source<?, ?>> SOURCES = List.of(CACHES, DEPENDENCIES);
  @TempDir Path tmp;

  private static List<CacheSource.Cache> caches(ProjectConfig p) {
    return p.settings(CACHES).map(CacheSource.Caches::caches).orElse(List.of());
  }

  @Test
  void monitorsTheDirectoryItsBuildOutputAndOnlyItsOwnEcosystemsUserCaches() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("my project"));
    Files.createDirectories(project.resolve("target"));
    Files.writeString(project.resolve("Cargo.toml"), "[package]\nname = \"x\"\n");
    Path home = Files.createDirectories(tmp.resolve("home"));
    // Issue 11: a Cargo project was charged with these two.
    Files.createDirectories(home.resolve(".m2/repository"));
    Files.createDirectories(home.resolve(".npm"));
    Path cargoHome = Files.createDirectories(tmp.resolve("cargo-home/registry")).getParent();

    DxConfig c =
        ZeroConfig.forDirectory(project, home, Map.of("CARGO_HOME", cargoHome.toString()), SOURCES);

    assertThat(c.source()).isEmpty();
    ProjectConfig p = c.projects().get(0);
    assertThat(p.name()).isEqualTo("my_project");
    assertThat(p.path()).isEqualTo(project.toAbsolutePath());
    assertThat(caches(p))
        .extracting(CacheSource.Cache::name, CacheSource.Cache::path, CacheSource.Cache::scope)
        .containsExactly(
            tuple("target", project.resolve("target"), CacheScope.PROJECT),
            tuple("cargo-registry", cargoHome.resolve("registry"), CacheScope.USER));
    assertThat(p.settings(DEPENDENCIES)).isPresent();
  }

  @Test
  void eachEcosystemBringsItsOwnUserCache() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("polyglot"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Files.writeString(project.resolve("package.json"), "{}");
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.createDirectories(home.resolve(".m2/repository"));
    Files.createDirectories(home.resolve(".npm"));
    Files.createDirectories(home.resolve(".cargo/registry"));

    DxConfig c = ZeroConfig.forDirectory(project, home, Map.of(), SOURCES);

    assertThat(caches(c.projects().get(0)))
        .extracting(CacheSource.Cache::name)
        .containsExactly("maven-repository", "npm");
  }

  @Test
  void goModuleCacheFollowsGoRules() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path gopath = Files.createDirectories(tmp.resolve("gp/pkg/mod")).getParent().getParent();
    Path project = Files.createDirectories(tmp.resolve("gomod"));
    DxConfig none =
        ZeroConfig.forDirectory(project, home, Map.of("GOPATH", gopath.toString()), SOURCES);
    // No manifest here: no dependency collector that could only ever fail, and no Go cache.
    assertThat(none.projects().get(0).settings(DEPENDENCIES)).isEmpty();
    assertThat(caches(none.projects().get(0))).isEmpty();

    Files.writeString(project.resolve("go.mod"), "module example.com/m\n");
    DxConfig c =
        ZeroConfig.forDirectory(project, home, Map.of("GOPATH", gopath + ":/elsewhere"), SOURCES);
    assertThat(caches(c.projects().get(0)))
        .extracting(CacheSource.Cache::path)
        .containsExactly(gopath.resolve("pkg/mod"));
  }

  @Test
  void namesAreValidLabelValues() {
    assertThat(ZeroConfig.projectName(Path.of("/"))).isEqualTo("project");
    assertThat(ZeroConfig.projectName(Path.of("/src/.hidden"))).isEqualTo("hidden");
    // Every character is replaced by '_', and leading '_' is stripped: nothing is left.
    assertThat(ZeroConfig.projectName(Path.of("/src/日本"))).isEqualTo("project");
    assertThat(ZeroConfig.projectName(Path.of("/src/ggen-v2.6.0"))).isEqualTo("ggen-v2.6.0");
  }

  @Test
  void aCacheThatIsASymlinkOutOfItsDirectoryIsNotMeasuredButOneInsideIs() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("p"));
    Files.createSymbolicLink(project.resolve("target"), Path.of("/"));
    Path inside = Files.createDirectories(project.resolve("build-output"));
    Files.createSymbolicLink(project.resolve("node_modules"), inside);
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.createDirectories(home.resolve(".m2"));
    Files.createSymbolicLink(home.resolve(".m2/repository"), tmp);

    DxConfig c = ZeroConfig.forDirectory(project, home, Map.of(), SOURCES);

    // target -> / would scan the whole host; ~/.m2/repository leads out of ~/.m2.
    assertThat(caches(c.projects().get(0)))
        .extracting(CacheSource.Cache::name)
        .containsExactly("node_modules");
  }
}
