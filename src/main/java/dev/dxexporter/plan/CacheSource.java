package dev.dxexporter.plan;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.cache.CacheCollector;
import dev.dxexporter.collect.cache.CacheScanner;
import dev.dxexporter.collect.cache.CacheScope;
import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.metrics.CollectorId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Build-cache directories ({@code caches:} in a project, defaults under {@code global.cache}): one
 * collector {@code cache:<name>} per cache, all sharing the daemon's one scanner pool.
 */
public final class CacheSource implements Source<CacheSource.Defaults, CacheSource.Caches> {
  static final String PREFIX = "cache:";

  /** {@code global.cache}: the defaults of every cache. */
  public record Defaults(Schedule schedule, Duration staleAfter, Duration timeout) {
    static final Defaults BUILT_IN =
        new Defaults(
            new Schedule.Every(Duration.ofMinutes(5)), Duration.ofDays(7), Duration.ofMinutes(10));
  }

  /**
   * One cache directory to measure; {@code path} is absolute; {@code oneFilesystem}: not below
   * mount points inside it ({@code du -x}); {@code scope}: the project's own or a user cache.
   */
  public record Cache(
      String name,
      Path path,
      Schedule schedule,
      Duration staleAfter,
      Duration timeout,
      boolean oneFilesystem,
      CacheScope scope) {}

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
      CacheScope scope = scope(c, reader);
      if (scope == CacheScope.USER && name != null) {
        // Exported without the project label: a second one of that name would be the same series.
        reader
            .claim("user cache " + name, c.path())
            .ifPresent(
                first ->
                    reader
                        .errors()
                        .at(
                            c.get("name").orElse(c.node()),
                            c.child("name"),
                            "user cache \""
                                + name
                                + "\" is already configured at "
                                + first
                                + "; a user cache is shared by every project: configure it once"));
      }
      c.rejectUnknownKeys();
      if (name != null && path != null && scope != null) {
        caches.add(new Cache(name, path, schedule, staleAfter, timeout, oneFilesystem, scope));
      }
    }
    return caches.isEmpty() ? Optional.empty() : Optional.of(new Caches(caches));
  }

  /**
   * See {@link CacheDetection}: the project's build directories and its ecosystems' user caches.
   */
  @Override
  public Optional<Caches> detect(Detection d) {
    List<Cache> caches = CacheDetection.detect(d);
    return caches.isEmpty() ? Optional.empty() : Optional.of(new Caches(caches));
  }

  /** {@code scope}: {@code project} (the default) or {@code user}; null after a located error. */
  private static CacheScope scope(YamlMapping c, SectionReader reader) {
    Optional<String> text = c.string("scope");
    if (text.isEmpty()) {
      return CacheScope.PROJECT;
    }
    Optional<CacheScope> scope = CacheScope.byLabel(text.get());
    if (scope.isEmpty()) {
      reader
          .errors()
          .at(
              c.get("scope").orElse(c.node()),
              c.child("scope"),
              "\"" + text.get() + "\" is not a scope (project, user)");
    }
    return scope.orElse(null);
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
                cache.scope(),
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
