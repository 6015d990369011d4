package dev.dxexporter.plan;

import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.http.Route;
import dev.dxexporter.ingest.BuildCollector;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.ReportSpec;
import dev.dxexporter.ingest.push.BuildPushHandler;
import dev.dxexporter.metrics.CollectorId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Build timings ({@code builds:} in a project, defaults under {@code global.builds}): one collector
 * {@code builds} per project that shows its recorded builds ({@code dx-exporter record}, stored
 * locally or pushed), the newest cargo {@code --timings} report of each {@code timings} entry and
 * each {@code compiler_caches} statistics file.
 */
public final class BuildSource implements Source<BuildSource.Defaults, BuildSource.Builds> {
  static final String COLLECTOR = "builds";

  /** Where {@code cargo build --timings} writes its latest report. */
  static final List<ReportSpec> ZERO_CONFIG_TIMINGS =
      List.of(new ReportSpec("cargo", List.of("target/cargo-timings/cargo-timing.html")));

  /** {@code global.builds}. */
  public record Defaults(Schedule schedule) {
    static final Defaults BUILT_IN = new Defaults(new Schedule.Every(Duration.ofMinutes(1)));
  }

  /** One project's build sources. */
  public record Builds(
      Path root, Schedule schedule, List<ReportSpec> timings, List<ReportSpec> compilerCaches) {
    public Builds {
      timings = List.copyOf(timings);
      compilerCaches = List.copyOf(compilerCaches);
    }
  }

  private final IngestCounters counters;
  private final PushSource push;

  /** {@code push}: whose project tokens also guard {@code POST /api/v1/builds}. */
  public BuildSource(IngestCounters counters, PushSource push) {
    this.counters = counters;
    this.push = push;
  }

  @Override
  public List<Route> routes(RouteContext context) {
    BuildPushHandler handler =
        new BuildPushHandler(
            name ->
                context.config().projects().stream()
                    .filter(p -> p.name().equals(name) && p.settings(this).isPresent())
                    .findFirst()
                    .map(
                        p ->
                            new BuildPushHandler.Target(
                                p.name(),
                                () -> context.refresh(new CollectorId(p.name(), COLLECTOR)))),
            () -> context.services().store(),
            context.services().clock(),
            counters);
    return List.of(Route.post("/api/v1/builds", push.authentication(context), handler));
  }

  @Override
  public String name() {
    return "builds";
  }

  @Override
  public String projectKey() {
    return "builds";
  }

  @Override
  public String globalKey() {
    return "builds";
  }

  @Override
  public Defaults readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    return global
        .map(g -> new Defaults(reader.schedule(g).orElse(Defaults.BUILT_IN.schedule())))
        .orElse(Defaults.BUILT_IN);
  }

  @Override
  public Optional<Builds> readProject(
      Optional<Node> section, Defaults defaults, SectionReader reader) {
    Path root = reader.projectPath();
    if (section.isEmpty() || root == null) {
      return Optional.empty();
    }
    YamlMapping b = reader.mapping(section.get(), reader.sectionPath(projectKey()));
    Builds builds =
        new Builds(
            root,
            reader.schedule(b).orElse(defaults.schedule()),
            ReportEntries.read(b, "timings", reader, ZERO_CONFIG_TIMINGS),
            ReportEntries.read(b, "compiler_caches", reader, List.of()));
    b.rejectUnknownKeys();
    return Optional.of(builds);
  }

  /** On where tests are: a project with a build file may record builds and leave timings. */
  @Override
  public Optional<Builds> detect(Detection d) {
    boolean project =
        Stream.concat(TestReportSource.BUILD_FILES.stream(), Stream.of("Makefile"))
            .anyMatch(f -> Files.isRegularFile(d.root().resolve(f)));
    return project
        ? Optional.of(
            new Builds(d.root(), Defaults.BUILT_IN.schedule(), ZERO_CONFIG_TIMINGS, List.of()))
        : Optional.empty();
  }

  @Override
  public List<PlannedCollector> plan(ProjectConfig project, Builds settings, PlanContext context) {
    return List.of(
        new PlannedCollector(
            new CollectorId(project.name(), COLLECTOR),
            settings.schedule(),
            settings,
            new BuildCollector(
                project.name(),
                settings.root(),
                settings.timings(),
                settings.compilerCaches(),
                context::store,
                counters)));
  }

  @Override
  public String describe(Builds settings) {
    return "timings "
        + settings.timings().stream().map(ReportSpec::name).toList()
        + ", compiler caches "
        + settings.compilerCaches().stream().map(ReportSpec::name).toList();
  }
}
