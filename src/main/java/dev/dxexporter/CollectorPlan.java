package dev.dxexporter;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.cache.CacheCollector;
import dev.dxexporter.collect.cache.CacheScanner;
import dev.dxexporter.collect.cache.FilesystemUsage;
import dev.dxexporter.collect.deps.DependencyCollector;
import dev.dxexporter.collect.deps.Ecosystem;
import dev.dxexporter.config.CacheConfig;
import dev.dxexporter.config.DependencyConfig;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.metrics.CollectorId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps the config to collector instances: the one place that knows every source, like
 * node_exporter's registry of collector factories but without global state. The shared cache
 * scanner (a thread pool) is a resource of the plan, closed with it.
 */
record CollectorPlan(List<PlannedCollector> collectors, List<AutoCloseable> resources)
    implements AutoCloseable {

  static final String CACHE_PREFIX = "cache:";
  static final String DEPENDENCIES = "dependencies";

  static CollectorPlan create(DxConfig config, int scanThreads, Clock clock) {
    List<PlannedCollector> collectors = new ArrayList<>();
    List<AutoCloseable> resources = new ArrayList<>();
    CacheScanner scanner = null;
    FilesystemUsage filesystems = null;
    Optional<String> unsupported = CacheScanner.unsupportedReason();
    for (ProjectConfig project : config.projects()) {
      for (CacheConfig cache : project.caches()) {
        Collector collector;
        if (unsupported.isPresent()) {
          // Where the scanner cannot run (not Linux x86_64/aarch64), each cache collector fails
          // with
          // the reason, visible on the landing page and in dx_collector_success; the rest still
          // runs.
          String reason = "cache scanning is not supported here: " + unsupported.get();
          collector =
              () -> {
                throw new UnsupportedOperationException(reason);
              };
        } else {
          if (scanner == null) {
            scanner = new CacheScanner(scanThreads);
            resources.add(scanner);
            filesystems = new FilesystemUsage();
          }
          collector =
              new CacheCollector(
                  project.name(),
                  cache.name(),
                  cache.path(),
                  cache.staleAfter(),
                  cache.timeout(),
                  scanner,
                  filesystems,
                  clock);
        }
        collectors.add(
            new PlannedCollector(
                new CollectorId(project.name(), CACHE_PREFIX + cache.name()),
                cache.schedule(),
                collector));
      }
      if (project.dependencies().isPresent()) {
        DependencyConfig deps = project.dependencies().get();
        collectors.add(
            new PlannedCollector(
                new CollectorId(project.name(), DEPENDENCIES),
                deps.schedule(),
                new DependencyCollector(
                    project.name(), project.path(), ecosystems(deps.ecosystems()))));
      }
    }
    return new CollectorPlan(List.copyOf(collectors), List.copyOf(resources));
  }

  /** Config names to the collector's enum; an empty set stays empty (detect on each run). */
  static Set<Ecosystem> ecosystems(Set<String> names) {
    Map<String, Ecosystem> byLabel =
        EnumSet.allOf(Ecosystem.class).stream()
            .collect(Collectors.toMap(Ecosystem::label, Function.identity()));
    Set<Ecosystem> out = EnumSet.noneOf(Ecosystem.class);
    for (String name : names) {
      Ecosystem e = byLabel.get(name);
      if (e == null) {
        throw new IllegalArgumentException("unknown ecosystem " + name); // the loader validated it
      }
      out.add(e);
    }
    return out;
  }

  static int count(DxConfig config) {
    return config.projects().stream()
        .mapToInt(p -> p.caches().size() + (p.dependencies().isPresent() ? 1 : 0))
        .sum();
  }

  @Override
  public void close() {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        // Start-up already failed; nothing more useful to do with a close error.
      }
    }
  }
}
