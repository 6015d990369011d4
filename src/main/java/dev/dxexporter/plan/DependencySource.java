package dev.dxexporter.plan;

import dev.dxexporter.collect.deps.DependencyCollector;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.metrics.CollectorId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Dependency counting ({@code dependencies:} in a project, defaults under {@code
 * global.dependencies}): one collector {@code dependencies} per project, on by default. The
 * ecosystems it accepts are exactly {@link Ecosystem}'s.
 */
public final class DependencySource
    implements Source<DependencySource.Defaults, DependencySource.Dependencies> {
  static final String COLLECTOR = "dependencies";
  private static final Schedule ZERO_CONFIG = new Schedule.Every(Duration.ofMinutes(1));

  /** One manifest read at a time across all projects: see {@link DependencyCollector}. */
  private final java.util.concurrent.Semaphore reads = new java.util.concurrent.Semaphore(1);

  /** {@code global.dependencies}. */
  public record Defaults(Schedule schedule) {
    static final Defaults BUILT_IN = new Defaults(new Schedule.Every(Duration.ofMinutes(5)));
  }

  /**
   * Dependency counting for one project; an empty {@code ecosystems} set means: detect the
   * manifests present on every run.
   */
  public record Dependencies(Path root, Schedule schedule, Set<Ecosystem> ecosystems) {
    public Dependencies {
      ecosystems = ecosystems.isEmpty() ? Set.of() : Set.copyOf(ecosystems);
    }
  }

  @Override
  public String name() {
    return "dependencies";
  }

  @Override
  public String projectKey() {
    return "dependencies";
  }

  @Override
  public String globalKey() {
    return "dependencies";
  }

  @Override
  public Defaults readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    return global.flatMap(reader::schedule).map(Defaults::new).orElse(Defaults.BUILT_IN);
  }

  @Override
  public Optional<Dependencies> readProject(
      Optional<Node> section, Defaults defaults, SectionReader reader) {
    Path root = reader.projectPath();
    if (section.isEmpty()) {
      return root == null
          ? Optional.empty()
          : Optional.of(new Dependencies(root, defaults.schedule(), Set.of()));
    }
    YamlMapping d = reader.mapping(section.get(), reader.sectionPath(projectKey()));
    boolean enabled = d.bool("enabled").orElse(true);
    Schedule schedule = reader.schedule(d).orElse(defaults.schedule());
    Set<Ecosystem> ecosystems = EnumSet.noneOf(Ecosystem.class);
    for (Node item : d.sequence("ecosystems")) {
      d.scalar(item, d.child("ecosystems"))
          .ifPresent(
              label -> {
                Optional<Ecosystem> e = byLabel(label);
                if (e.isEmpty()) {
                  reader
                      .errors()
                      .at(
                          item,
                          d.child("ecosystems"),
                          "unknown ecosystem \"" + label + "\" (known: " + known() + ")");
                } else if (!ecosystems.add(e.get())) {
                  reader
                      .errors()
                      .at(item, d.child("ecosystems"), "\"" + label + "\" is listed twice");
                }
              });
    }
    d.rejectUnknownKeys();
    return enabled && root != null
        ? Optional.of(new Dependencies(root, schedule, ecosystems))
        : Optional.empty();
  }

  private static Optional<Ecosystem> byLabel(String label) {
    return Arrays.stream(Ecosystem.values()).filter(e -> e.label().equals(label)).findFirst();
  }

  private static String known() {
    return Arrays.stream(Ecosystem.values())
        .map(Ecosystem::label)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** On (every 1 m) when the directory holds a Cargo.toml, pom.xml, package.json or go.mod. */
  @Override
  public Optional<Dependencies> detect(Detection d) {
    return Ecosystem.detect(d.root()).isEmpty()
        ? Optional.empty()
        : Optional.of(new Dependencies(d.root(), ZERO_CONFIG, Set.of()));
  }

  @Override
  public List<PlannedCollector> plan(
      ProjectConfig project, Dependencies settings, PlanContext context) {
    return List.of(
        new PlannedCollector(
            new CollectorId(project.name(), COLLECTOR),
            settings.schedule(),
            settings,
            new DependencyCollector(
                project.name(), settings.root(), settings.ecosystems(), reads)));
  }

  @Override
  public String describe(Dependencies settings) {
    return settings.ecosystems().isEmpty()
        ? "detect"
        : settings.ecosystems().stream().map(Ecosystem::label).sorted().toList().toString();
  }
}
