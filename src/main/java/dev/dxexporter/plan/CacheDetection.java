package dev.dxexporter.plan;

import dev.dxexporter.collect.cache.CacheScope;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.config.Detection;
import dev.dxexporter.config.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-config caches of a project directory: its own build directories (scope {@code project},
 * every 1 m, see {@link BuildDirectories}) and the per-user caches of the ecosystems it uses (scope
 * {@code user}, every 5 m): a Cargo project gets the Cargo registry, not {@code ~/.m2/repository}
 * and {@code ~/.npm}. Only directories that exist now are taken (again at each reload).
 */
final class CacheDetection {
  private static final Logger LOG = LoggerFactory.getLogger(CacheDetection.class);
  static final Schedule PROJECT_CACHES = new Schedule.Every(Duration.ofMinutes(1));
  static final Schedule USER_CACHES = new Schedule.Every(Duration.ofMinutes(5));

  private CacheDetection() {}

  static List<CacheSource.Cache> detect(Detection d) {
    List<CacheSource.Cache> caches = new ArrayList<>();
    for (BuildDirectories.Found found : BuildDirectories.of(d)) {
      add(caches, found.name(), found.path(), d.root(), CacheScope.PROJECT);
    }
    Set<Ecosystem> used = Ecosystem.detect(d.root());
    if (used.contains(Ecosystem.CARGO)) {
      Path cargoHome =
          Optional.ofNullable(d.env().get("CARGO_HOME"))
              .map(Path::of)
              .orElse(d.home().resolve(".cargo"));
      user(caches, "cargo-registry", cargoHome.resolve("registry"));
    }
    if (used.contains(Ecosystem.MAVEN)) {
      user(caches, "maven-repository", d.home().resolve(".m2/repository"));
    }
    if (used.contains(Ecosystem.NPM)) {
      user(caches, "npm", d.home().resolve(".npm"));
    }
    if (used.contains(Ecosystem.GO)) {
      user(caches, "go-modules", goModuleCache(d));
    }
    if (GradleProjects.isGradleBuild(d.root())) {
      Path gradleHome =
          Optional.ofNullable(d.env().get("GRADLE_USER_HOME"))
              .filter(h -> !h.isEmpty())
              .map(Path::of)
              .orElse(d.home().resolve(".gradle"));
      user(caches, "gradle-caches", gradleHome.resolve("caches"));
    }
    return caches;
  }

  /** Go's own rule: GOMODCACHE, else the first GOPATH entry's pkg/mod, else ~/go/pkg/mod. */
  private static Path goModuleCache(Detection d) {
    String modCache = d.env().get("GOMODCACHE");
    if (modCache != null && !modCache.isEmpty()) {
      return Path.of(modCache);
    }
    String gopath = d.env().get("GOPATH");
    if (gopath != null && !gopath.isEmpty()) {
      return Path.of(gopath.split(java.io.File.pathSeparator)[0], "pkg", "mod");
    }
    return d.home().resolve("go/pkg/mod");
  }

  private static void user(List<CacheSource.Cache> caches, String name, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent != null) {
      add(caches, name, absolute, parent, CacheScope.USER);
    }
  }

  /**
   * Adds the cache when it is a directory whose real location stays inside {@code base} (the
   * project root for build directories, the parent for user caches): a {@code target -> /} symlink
   * would make every scan measure the whole host, and a target directory elsewhere may be another
   * project's. A cache configured explicitly is scanned wherever it leads.
   */
  private static void add(
      List<CacheSource.Cache> caches, String name, Path path, Path base, CacheScope scope) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      return;
    }
    try {
      Path real = absolute.toRealPath();
      Path realBase = base.toAbsolutePath().normalize().toRealPath();
      if (!real.startsWith(realBase)) {
        LOG.warn(
            "zero-config: not measuring cache {} at {}: it leads to {}, outside {};"
                + " configure it explicitly to measure it",
            name,
            absolute,
            real,
            realBase);
        return;
      }
    } catch (IOException e) {
      LOG.warn("zero-config: not measuring cache {} at {}: {}", name, absolute, e.toString());
      return;
    }
    caches.add(
        new CacheSource.Cache(
            name,
            absolute,
            scope == CacheScope.USER ? USER_CACHES : PROJECT_CACHES,
            CacheSource.Defaults.BUILT_IN.staleAfter(),
            CacheSource.Defaults.BUILT_IN.timeout(),
            false,
            scope));
  }
}
