package dev.dxexporter.plan;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.cache.CacheCollector;
import dev.dxexporter.collect.cache.CacheScanner;
import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.metrics.CollectorId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Build-cache directories ({@code caches:} in a project, defaults under {@code global.cache}): one
 * collector {@code cache:<name>} per cache, all sharing the daemon's one scanner pool.
 */
public final class CacheSource implements Source<CacheSource.Defaults, CacheSource.Caches> {
  private static final Logger LOG = LoggerFactory.getLogger(CacheSource.class);

  static final String PREFIX = "cache:";
  private static final Schedule PROJECT_CACHES = new Schedule.Every(Duration.ofMinutes(1));
  private static final Schedule USER_CACHES = new Schedule.Every(Duration.ofMinutes(5));

  /** {@code global.cache}: the defaults of every cache. */
  public record Defaults(Schedule schedule, Duration staleAfter, Duration timeout) {
    static final Defaults BUILT_IN =
        new Defaults(
            new Schedule.Every(Duration.ofMinutes(5)), Duration.ofDays(7), Duration.ofMinutes(10));
  }

  /**
   * One cache directory to measure; {@code path} is absolute; {@code oneFilesystem}: not below
   * mount points inside it ({@code du -x}).
   */
  public record Cache(
      String name,
      Path path,
      Schedule schedule,
      Duration staleAfter,
      Duration timeout,
      boolean oneFilesystem) {}

  /** The caches of one project. */
  public record Caches(List<Cache> caches) {
    public Caches {
      caches = List.copyOf(caches);
    }
  }

  @Override
  public String name() {
    return "cache";
  }

  @Override
  public String projectKey() {
    return "caches";
  }

  @Override
  public String globalKey() {
    return "cache";
  }

  @Override
  public Defaults readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    Defaults d = Defaults.BUILT_IN;
    if (global.isEmpty()) {
      return d;
    }
    YamlMapping c = global.get();
    return new Defaults(
        reader.schedule(c).orElse(d.schedule()),
        c.duration("stale_after").orElse(d.staleAfter()),
        c.duration("timeout").orElse(d.timeout()));
  }

  @Override
  public Optional<Caches> readProject(
      Optional<Node> section, Defaults defaults, SectionReader reader) {
    if (section.isEmpty()) {
      return Optional.empty();
    }
    String listPath = reader.sectionPath(projectKey());
    if (!(section.get() instanceof org.snakeyaml.engine.v2.nodes.SequenceNode seq)) {
      reader.errors().at(section.get(), listPath, "expected a list");
      return Optional.empty();
    }
    List<Cache> caches = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Node> items = seq.getValue();
    for (int i = 0; i < items.size(); i++) {
      YamlMapping c = reader.mapping(items.get(i), listPath + "[" + i + "]");
      String name = reader.name(c, "name");
      if (name != null && !names.add(name)) {
        reader.errors().at(c.node(), c.child("name"), "duplicate cache name \"" + name + "\"");
      }
      Path project = reader.projectPath();
      Path path = project == null ? null : reader.path(c, "path", project);
      Schedule schedule = reader.schedule(c).orElse(defaults.schedule());
      Duration staleAfter = c.duration("stale_after").orElse(defaults.staleAfter());
      Duration timeout = c.duration("timeout").orElse(defaults.timeout());
      boolean oneFilesystem = c.bool("one_filesystem").orElse(false);
      c.rejectUnknownKeys();
      if (name != null && path != null) {
        caches.add(new Cache(name, path, schedule, staleAfter, timeout, oneFilesystem));
      }
    }
    return caches.isEmpty() ? Optional.empty() : Optional.of(new Caches(caches));
  }

  /**
   * The caches that exist now: the project's {@code target/} and {@code node_modules/} (every 1 m),
   * and the per-user caches of Cargo, Maven, npm and Go (every 5 m).
   */
  @Override
  public Optional<Caches> detect(Detection d) {
    List<Cache> caches = new ArrayList<>();
    addIfDirectory(caches, "target", d.root().resolve("target"), PROJECT_CACHES);
    addIfDirectory(caches, "node_modules", d.root().resolve("node_modules"), PROJECT_CACHES);
    Path cargoHome =
        Optional.ofNullable(d.env().get("CARGO_HOME"))
            .map(Path::of)
            .orElse(d.home().resolve(".cargo"));
    addIfDirectory(caches, "cargo-registry", cargoHome.resolve("registry"), USER_CACHES);
    addIfDirectory(caches, "maven-repository", d.home().resolve(".m2/repository"), USER_CACHES);
    addIfDirectory(caches, "npm", d.home().resolve(".npm"), USER_CACHES);
    addIfDirectory(caches, "go-modules", goModuleCache(d), USER_CACHES);
    return caches.isEmpty() ? Optional.empty() : Optional.of(new Caches(caches));
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

  /**
   * Adds the cache when it is a directory whose real location stays inside the directory it was
   * detected in: a {@code target -> /} symlink would make every scan measure the whole host. A
   * cache configured explicitly is scanned wherever it leads.
   */
  private static void addIfDirectory(List<Cache> caches, String name, Path path, Schedule s) {
    if (!Files.isDirectory(path)) {
      return;
    }
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(absolute)) {
      try {
        Path real = absolute.toRealPath();
        Path base = absolute.getParent().toRealPath();
        if (!real.startsWith(base)) {
          LOG.warn(
              "zero-config: not measuring cache {} at {}: it is a symbolic link to {}, outside {};"
                  + " configure it explicitly to measure it",
              name,
              absolute,
              real,
              base);
          return;
        }
      } catch (java.io.IOException e) {
        LOG.warn("zero-config: not measuring cache {} at {}: {}", name, absolute, e.toString());
        return;
      }
    }
    caches.add(
        new Cache(
            name, absolute, s, Defaults.BUILT_IN.staleAfter(), Defaults.BUILT_IN.timeout(), false));
  }

  @Override
  public List<PlannedCollector> plan(ProjectConfig project, Caches settings, PlanContext context) {
    Optional<String> unsupported = CacheScanner.unsupportedReason();
    List<PlannedCollector> out = new ArrayList<>();
    for (Cache cache : settings.caches()) {
      Collector collector;
      if (unsupported.isPresent()) {
        // Where the scanner cannot run (not Linux x86_64/aarch64), each cache collector fails with
        // the reason, visible on the landing page and in dx_collector_success; the rest still runs.
        String reason = "cache scanning is not supported here: " + unsupported.get();
        collector =
            () -> {
              throw new UnsupportedOperationException(reason);
            };
      } else {
        collector =
            new CacheCollector(
                project.name(),
                cache.name(),
                cache.path(),
                cache.staleAfter(),
                cache.timeout(),
                cache.oneFilesystem(),
                context::cacheScanner,
                context::filesystems,
                context.clock());
      }
      out.add(
          new PlannedCollector(
              new CollectorId(project.name(), PREFIX + cache.name()),
              cache.schedule(),
              cache,
              collector));
    }
    return out;
  }

  @Override
  public String describe(Caches settings) {
    return settings.caches().stream()
        .map(c -> c.name() + "=" + c.path())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
