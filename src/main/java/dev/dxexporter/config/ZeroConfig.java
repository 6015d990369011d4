package dev.dxexporter.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The built-in default used when no config file is given: the current directory is one project; the
 * build caches that exist now (the project's {@code target/} and {@code node_modules/}, and the
 * per-user caches of Cargo, Maven, npm and Go) are measured, and, when the directory holds a
 * manifest, its dependencies are counted.
 */
public final class ZeroConfig {
  private static final Schedule PROJECT_CACHES = new Schedule.Every(Duration.ofMinutes(1));
  private static final Schedule USER_CACHES = new Schedule.Every(Duration.ofMinutes(5));
  private static final Schedule DEPENDENCIES = new Schedule.Every(Duration.ofMinutes(1));
  private static final Duration STALE_AFTER = Duration.ofDays(7);
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private ZeroConfig() {}

  /**
   * @param hasManifests whether a directory holds a manifest the dependency collector reads (asked
   *     of the collector, which knows the file names)
   */
  public static DxConfig forDirectory(
      Path directory, Path home, Map<String, String> env, Predicate<Path> hasManifests) {
    Path root = directory.toAbsolutePath().normalize();
    List<CacheConfig> caches = new ArrayList<>();
    addIfDirectory(caches, "target", root.resolve("target"), PROJECT_CACHES);
    addIfDirectory(caches, "node_modules", root.resolve("node_modules"), PROJECT_CACHES);
    Path cargoHome =
        Optional.ofNullable(env.get("CARGO_HOME")).map(Path::of).orElse(home.resolve(".cargo"));
    addIfDirectory(caches, "cargo-registry", cargoHome.resolve("registry"), USER_CACHES);
    addIfDirectory(caches, "maven-repository", home.resolve(".m2/repository"), USER_CACHES);
    addIfDirectory(caches, "npm", home.resolve(".npm"), USER_CACHES);
    addIfDirectory(caches, "go-modules", goModuleCache(home, env), USER_CACHES);
    Optional<DependencyConfig> dependencies =
        hasManifests.test(root)
            ? Optional.of(new DependencyConfig(DEPENDENCIES, Set.of()))
            : Optional.empty();
    return new DxConfig(
        Optional.empty(),
        List.of(new ProjectConfig(projectName(root), root, caches, dependencies)));
  }

  /** Go's own rule: GOMODCACHE, else the first GOPATH entry's pkg/mod, else ~/go/pkg/mod. */
  private static Path goModuleCache(Path home, Map<String, String> env) {
    String modCache = env.get("GOMODCACHE");
    if (modCache != null && !modCache.isEmpty()) {
      return Path.of(modCache);
    }
    String gopath = env.get("GOPATH");
    if (gopath != null && !gopath.isEmpty()) {
      return Path.of(gopath.split(java.io.File.pathSeparator)[0], "pkg", "mod");
    }
    return home.resolve("go/pkg/mod");
  }

  private static void addIfDirectory(List<CacheConfig> caches, String name, Path path, Schedule s) {
    if (Files.isDirectory(path)) {
      caches.add(new CacheConfig(name, path.toAbsolutePath().normalize(), s, STALE_AFTER, TIMEOUT));
    }
  }

  /** The directory's name, made a valid project name; "project" for the file-system root. */
  static String projectName(Path root) {
    Path fileName = root.getFileName();
    String raw = fileName == null ? "project" : fileName.toString();
    String cleaned = raw.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._-]+", "");
    if (cleaned.isEmpty()) {
      return "project";
    }
    return cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
  }
}
