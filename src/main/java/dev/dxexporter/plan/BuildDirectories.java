package dev.dxexporter.plan;

import dev.dxexporter.collect.deps.maven.MavenDependencyReader;
import dev.dxexporter.collect.deps.npm.NpmDependencyReader;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import dev.dxexporter.collect.input.TomlDocuments;
import dev.dxexporter.config.Detection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tomlj.TomlParseResult;

/**
 * A project's own build directories, found from its build files as the tools themselves find them:
 * {@code target/} and {@code node_modules/} at the root; each Maven module's {@code target/}
 * (modules from pom.xml, recursively); Cargo's target directory ({@code CARGO_TARGET_DIR} in the
 * daemon's environment, else {@code build.target-dir} in the project's {@code .cargo/config.toml},
 * relative to the directory holding {@code .cargo}); Gradle's {@code build/} beside the root and
 * each included subproject; each npm workspace's {@code node_modules/}.
 *
 * <p>Each is named by its path relative to the project root ({@code a/target}); directories that do
 * not exist, or lie inside another one found (counted there), are left out. A build file that
 * cannot be read costs only what it would have found (logged). Whether a directory outside the
 * project is measured is {@link CacheDetection}'s rule: not unless configured.
 */
final class BuildDirectories {
  private static final Logger LOG = LoggerFactory.getLogger(BuildDirectories.class);

  /** One directory found: {@code name} is its path relative to the root, or absolute outside. */
  record Found(String name, Path path) {}

  private BuildDirectories() {}

  static List<Found> of(Detection d) {
    Path root = d.root();
    Set<Path> candidates = new LinkedHashSet<>();
    candidates.add(root.resolve("target"));
    candidates.add(root.resolve("node_modules"));
    BoundedFiles files = new BoundedFiles(BoundedFiles.DEFAULT_MAX_BYTES, root);
    try {
      if (Files.isRegularFile(root.resolve("pom.xml"))) {
        for (Path module : new MavenDependencyReader(files).moduleDirectories(root)) {
          candidates.add(module.resolve("target"));
        }
      }
    } catch (InputException e) {
      LOG.warn("zero-config: Maven module target directories not detected: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
    if (Files.isRegularFile(root.resolve("Cargo.toml"))) {
      cargoTargetDir(d, new TomlDocuments(files)).ifPresent(candidates::add);
    }
    try {
      GradleProjects.directories(root).forEach(dir -> candidates.add(dir.resolve("build")));
    } catch (IOException e) {
      LOG.warn("zero-config: Gradle build directories not detected: {}", e.toString());
    }
    try {
      if (Files.isRegularFile(root.resolve("package.json"))) {
        for (Path dir :
            new NpmDependencyReader(new JsonDocuments(files)).workspaceDirectories(root)) {
          candidates.add(dir.resolve("node_modules"));
        }
      }
    } catch (InputException e) {
      LOG.warn("zero-config: npm workspace node_modules not detected: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
    return outermost(root, candidates);
  }

  /**
   * Cargo's own order: {@code CARGO_TARGET_DIR}, else {@code build.target-dir} of the project
   * root's {@code .cargo/config} or, without that older file, {@code .cargo/config.toml} (Cargo
   * reads the one without extension when both exist). Empty: the default {@code target/}, already a
   * candidate. Config files of parent directories and of {@code CARGO_HOME} are not read.
   */
  static Optional<Path> cargoTargetDir(Detection d, TomlDocuments toml) {
    String env = d.env().get("CARGO_TARGET_DIR");
    if (env != null && !env.isEmpty()) {
      return Optional.of(d.root().resolve(env).normalize());
    }
    for (String name : List.of(".cargo/config", ".cargo/config.toml")) {
      Path config = d.root().resolve(name);
      if (!Files.isRegularFile(config)) {
        continue;
      }
      try {
        TomlParseResult parsed = toml.parse(config);
        List<String> key = List.of("build", "target-dir");
        if (parsed.isString(key)) {
          // Cargo: paths in a config file are relative to the directory holding `.cargo`.
          return Optional.of(d.root().resolve(parsed.getString(key)).normalize());
        }
      } catch (InputException e) {
        LOG.warn("zero-config: Cargo target-dir not read: {}", e.getMessage());
      }
      return Optional.empty(); // only the first file that exists counts
    }
    return Optional.empty();
  }

  /** The directories that exist, without those inside another one, in the order found. */
  private static List<Found> outermost(Path root, Set<Path> candidates) {
    List<Path> existing =
        candidates.stream().map(Path::normalize).filter(Files::isDirectory).distinct().toList();
    List<Found> found = new ArrayList<>();
    for (Path dir : existing) {
      boolean nested = existing.stream().anyMatch(o -> !o.equals(dir) && dir.startsWith(o));
      if (!nested) {
        String name = dir.startsWith(root) ? root.relativize(dir).toString() : dir.toString();
        found.add(new Found(name, dir));
      }
    }
    return found;
  }
}
