package dev.dxexporter.config;

import static org.assertj.core.api.Assertions.assertThat;

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
  void monitorsTheDirectoryAndTheCachesThatExist() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("my project"));
    Files.createDirectories(project.resolve("target"));
    Files.writeString(project.resolve("Cargo.toml"), "[package]\nname = \"x\"\n");
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.createDirectories(home.resolve(".m2/repository"));
    Path cargoHome = Files.createDirectories(tmp.resolve("cargo-home/registry")).getParent();

    DxConfig c =
        ZeroConfig.forDirectory(project, home, Map.of("CARGO_HOME", cargoHome.toString()), SOURCES);

    assertThat(c.source()).isEmpty();
    ProjectConfig p = c.projects().get(0);
    assertThat(p.name()).isEqualTo("my_project");
    assertThat(p.path()).isEqualTo(project.toAbsolutePath());
    assertThat(caches(p))
        .extracting(CacheSource.Cache::name)
        .containsExactly("target", "cargo-registry", "maven-repository");
    assertThat(caches(p))
        .extracting(CacheSource.Cache::path)
        .containsExactly(
            project.resolve("target"),
            cargoHome.resolve("registry"),
            home.resolve(".m2/repository"));
    assertThat(p.settings(DEPENDENCIES)).isPresent();
  }

  @Test
  void goModuleCacheFollowsGoRules() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path gopath = Files.createDirectories(tmp.resolve("gp/pkg/mod")).getParent().getParent();
    DxConfig c =
        ZeroConfig.forDirectory(tmp, home, Map.of("GOPATH", gopath + ":/elsewhere"), SOURCES);
    assertThat(caches(c.projects().get(0)))
        .extracting(CacheSource.Cache::path)
        .containsExactly(gopath.resolve("pkg/mod"));
    // No manifest here: no dependency collector that could only ever fail.
    assertThat(c.projects().get(0).settings(DEPENDENCIES)).isEmpty();
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
