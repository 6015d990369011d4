package dev.dxexporter.plan;

import dev.dxexporter.collect.input.ReportGlob;
import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.ingest.CoverageCollector;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.ReportSpec;
import dev.dxexporter.metrics.CollectorId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Coverage reports ({@code coverage:} in a project, defaults under {@code global.coverage}): one
 * collector {@code coverage} per project; Cobertura, LCOV and JaCoCo files, told apart by content.
 */
public final class CoverageSource
    implements Source<CoverageSource.Defaults, CoverageSource.Coverage> {
  static final String COLLECTOR = "coverage";

  /** Where coverage tools write by default. */
  static final List<ReportSpec> ZERO_CONFIG =
      List.of(
          new ReportSpec("lcov", List.of("coverage/lcov.info", "lcov.info", "target/lcov.info")),
          new ReportSpec(
              "cobertura",
              List.of("coverage/cobertura-coverage.xml", "coverage.xml", "cobertura.xml")),
          new ReportSpec(
              "jacoco",
              List.of(
                  "target/site/jacoco/jacoco.xml",
                  "*/target/site/jacoco/jacoco.xml",
                  "build/reports/jacoco/test/jacocoTestReport.xml",
                  "*/build/reports/jacoco/test/jacocoTestReport.xml")));

  /** {@code global.coverage}. */
  public record Defaults(Schedule schedule, long maxReportBytes) {
    static final Defaults BUILT_IN =
        new Defaults(new Schedule.Every(Duration.ofMinutes(1)), 512L << 20);
  }

  /** One project's coverage reports. */
  public record Coverage(
      Path root, Schedule schedule, long maxReportBytes, List<ReportSpec> reports) {
    public Coverage {
      reports = List.copyOf(reports);
    }
  }

  private final IngestCounters counters;

  public CoverageSource(IngestCounters counters) {
    this.counters = counters;
  }

  @Override
  public String name() {
    return "coverage";
  }

  @Override
  public String projectKey() {
    return "coverage";
  }

  @Override
  public String globalKey() {
    return "coverage";
  }

  @Override
  public Defaults readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    Defaults d = Defaults.BUILT_IN;
    return global
        .map(
            g ->
                new Defaults(
                    reader.schedule(g).orElse(d.schedule()),
                    g.bytes("max_report_size").orElse(d.maxReportBytes())))
        .orElse(d);
  }

  @Override
  public Optional<Coverage> readProject(
      Optional<Node> section, Defaults defaults, SectionReader reader) {
    Path root = reader.projectPath();
    if (section.isEmpty() || root == null) {
      return Optional.empty();
    }
    YamlMapping c = reader.mapping(section.get(), reader.sectionPath(projectKey()));
    Coverage coverage =
        new Coverage(
            root,
            reader.schedule(c).orElse(defaults.schedule()),
            c.bytes("max_report_size").orElse(defaults.maxReportBytes()),
            ReportEntries.read(c, reader, ZERO_CONFIG));
    c.rejectUnknownKeys();
    return Optional.of(coverage);
  }

  /** On when a coverage file exists in a default place now. */
  @Override
  public Optional<Coverage> detect(Detection d) {
    try {
      ReportGlob glob = new ReportGlob(d.root(), p -> false, 4, 100);
      for (ReportSpec spec : ZERO_CONFIG) {
        for (String pattern : spec.patterns()) {
          if (!glob.files(pattern).isEmpty()) {
            Defaults x = Defaults.BUILT_IN;
            return Optional.of(
                new Coverage(d.root(), x.schedule(), x.maxReportBytes(), ZERO_CONFIG));
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  @Override
  public List<PlannedCollector> plan(
      ProjectConfig project, Coverage settings, PlanContext context) {
    return List.of(
        new PlannedCollector(
            new CollectorId(project.name(), COLLECTOR),
            settings.schedule(),
            settings,
            new CoverageCollector(
                project.name(),
                settings.root(),
                settings.reports(),
                settings.maxReportBytes(),
                context::store,
                context.clock(),
                counters)));
  }

  @Override
  public String describe(Coverage settings) {
    return settings.reports().stream()
        .map(ReportSpec::name)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
