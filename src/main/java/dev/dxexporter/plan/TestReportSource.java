package dev.dxexporter.plan;

import dev.dxexporter.config.Detection;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.http.PageSection;
import dev.dxexporter.http.Route;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.ReportSpec;
import dev.dxexporter.ingest.TestInsightPages;
import dev.dxexporter.ingest.TestInsightRoutes;
import dev.dxexporter.ingest.TestInsights;
import dev.dxexporter.ingest.TestReportCollector;
import dev.dxexporter.metrics.CollectorId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * JUnit XML test results ({@code tests:} in a project, defaults under {@code global.tests}): one
 * collector {@code tests} per project that takes in the reports its patterns find and reads the
 * project's results (pushed ones too) back from the store.
 */
public final class TestReportSource
    implements Source<TestReportSource.Defaults, TestReportSource.Tests> {
  static final String COLLECTOR = "tests";

  /** Where the test tools write by default, per tool; wildcards skip source and fixture trees. */
  static final List<ReportSpec> ZERO_CONFIG =
      List.of(
          new ReportSpec(
              "surefire",
              List.of(
                  "target/surefire-reports/*.xml",
                  "*/target/surefire-reports/*.xml",
                  "*/*/target/surefire-reports/*.xml")),
          new ReportSpec(
              "failsafe",
              List.of("target/failsafe-reports/*.xml", "*/target/failsafe-reports/*.xml")),
          new ReportSpec(
              "gradle",
              List.of(
                  "build/test-results/*/*.xml",
                  "*/build/test-results/*/*.xml",
                  "*/*/build/test-results/*/*.xml")),
          new ReportSpec("nextest", List.of("target/nextest/*/junit.xml")),
          new ReportSpec("junit", List.of("**/junit*.xml", "**/*-junit.xml")));

  /** Files that say a directory is a project whose tests run here. */
  static final List<String> BUILD_FILES =
      List.of(
          "pom.xml",
          "build.gradle",
          "build.gradle.kts",
          "Cargo.toml",
          "package.json",
          "go.mod",
          "pyproject.toml",
          "setup.py",
          "pytest.ini",
          "tox.ini");

  /** {@code global.tests}. */
  public record Defaults(Schedule schedule, Duration flakyWindow, long maxReportBytes) {
    static final Defaults BUILT_IN =
        new Defaults(new Schedule.Every(Duration.ofMinutes(1)), Duration.ofDays(14), 1L << 30);
  }

  /** One project's test results. */
  public record Tests(
      Path root,
      Schedule schedule,
      Duration flakyWindow,
      long maxReportBytes,
      List<ReportSpec> reports) {
    public Tests {
      reports = List.copyOf(reports);
    }
  }

  private final TestInsights insights;
  private final IngestCounters counters;

  /** {@code insights}: where the names of flaky and slowest tests are kept for the endpoints. */
  public TestReportSource(TestInsights insights, IngestCounters counters) {
    this.insights = insights;
    this.counters = counters;
  }

  @Override
  public String name() {
    return "tests";
  }

  @Override
  public String projectKey() {
    return "tests";
  }

  @Override
  public String globalKey() {
    return "tests";
  }

  @Override
  public Defaults readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    Defaults d = Defaults.BUILT_IN;
    if (global.isEmpty()) {
      return d;
    }
    YamlMapping g = global.get();
    return new Defaults(
        reader.schedule(g).orElse(d.schedule()),
        g.duration("flaky_window").orElse(d.flakyWindow()),
        g.bytes("max_report_size").orElse(d.maxReportBytes()));
  }

  @Override
  public Optional<Tests> readProject(
      Optional<Node> section, Defaults defaults, SectionReader reader) {
    Path root = reader.projectPath();
    if (section.isEmpty() || root == null) {
      return Optional.empty();
    }
    YamlMapping t = reader.mapping(section.get(), reader.sectionPath(projectKey()));
    Tests tests =
        new Tests(
            root,
            reader.schedule(t).orElse(defaults.schedule()),
            t.duration("flaky_window").orElse(defaults.flakyWindow()),
            t.bytes("max_report_size").orElse(defaults.maxReportBytes()),
            ReportEntries.read(t, reader, ZERO_CONFIG));
    t.rejectUnknownKeys();
    return Optional.of(tests);
  }

  /**
   * On when the directory holds a build file (its tests run here, the reports may come later) or
   * reports in the tools' default places already.
   */
  @Override
  public Optional<Tests> detect(Detection d) {
    boolean project = BUILD_FILES.stream().anyMatch(f -> Files.isRegularFile(d.root().resolve(f)));
    if (!project) {
      return Optional.empty();
    }
    Defaults x = Defaults.BUILT_IN;
    return Optional.of(
        new Tests(d.root(), x.schedule(), x.flakyWindow(), x.maxReportBytes(), ZERO_CONFIG));
  }

  @Override
  public List<PlannedCollector> plan(ProjectConfig project, Tests settings, PlanContext context) {
    return List.of(
        new PlannedCollector(
            new CollectorId(project.name(), COLLECTOR),
            settings.schedule(),
            settings,
            new TestReportCollector(
                project.name(),
                settings.root(),
                settings.reports(),
                settings.flakyWindow(),
                settings.maxReportBytes(),
                context::store,
                context.clock(),
                insights,
                counters)));
  }

  @Override
  public List<Route> routes(RouteContext context) {
    return TestInsightRoutes.of(insights);
  }

  @Override
  public List<PageSection> pageSections(DxConfig config) {
    return TestInsightPages.of(
        insights,
        config.projects().stream()
            .filter(p -> p.settings(this).isPresent())
            .map(ProjectConfig::name)
            .toList());
  }

  @Override
  public String describe(Tests settings) {
    return settings.reports().stream()
        .map(ReportSpec::name)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
