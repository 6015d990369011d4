package dev.dxexporter.plan;

import dev.dxexporter.collect.bench.ActionBenchmarkReaders;
import dev.dxexporter.collect.bench.BenchmarkDiscovery;
import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.ingest.BenchmarkCollector;
import dev.dxexporter.ingest.BenchmarkSpec;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.RegressionSettings;
import dev.dxexporter.metrics.CollectorId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Benchmark results ({@code benchmarks:} in a project, defaults under {@code global.benchmarks}):
 * one collector {@code benchmarks} per project. Without a {@code reports:} list it discovers
 * criterion's {@code target/criterion} and pytest-benchmark's {@code .benchmarks/} autosaves; with
 * one, it reads those reports only. {@code regression:} sets the verdict's threshold, minimum
 * sample size, history length and base branch.
 */
public final class BenchmarkSource
    implements Source<BenchmarkSource.Defaults, BenchmarkSource.Benchmarks> {
  static final String COLLECTOR = "benchmarks";

  /** {@code global.benchmarks}. */
  public record Defaults(Schedule schedule, long maxReportBytes, RegressionSettings regression) {
    static final Defaults BUILT_IN =
        new Defaults(
            new Schedule.Every(Duration.ofMinutes(1)),
            ActionBenchmarkReaders.DEFAULT_MAX_BYTES,
            RegressionSettings.DEFAULT);
  }

  /** One project's benchmark reports; {@code discover}: the zero-config places too. */
  public record Benchmarks(
      Path root,
      Schedule schedule,
      long maxReportBytes,
      List<BenchmarkSpec> reports,
      boolean discover,
      RegressionSettings regression) {
    public Benchmarks {
      reports = List.copyOf(reports);
    }
  }

  private final IngestCounters counters;

  public BenchmarkSource(IngestCounters counters) {
    this.counters = counters;
  }

  @Override
  public String name() {
    return "benchmarks";
  }

  @Override
  public String projectKey() {
    return "benchmarks";
  }

  @Override
  public String globalKey() {
    return "benchmarks";
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
        g.bytes("max_report_size").orElse(d.maxReportBytes()),
        BenchmarkRegressionConfig.read(g, reader, d.regression()));
  }

  @Override
  public Optional<Benchmarks> readProject(
      Optional<Node> section, Defaults defaults, SectionReader reader) {
    Path root = reader.projectPath();
    if (section.isEmpty() || root == null) {
      return Optional.empty();
    }
    YamlMapping b = reader.mapping(section.get(), reader.sectionPath(projectKey()));
    boolean discover = b.get("reports").isEmpty();
    Benchmarks benchmarks =
        new Benchmarks(
            root,
            reader.schedule(b).orElse(defaults.schedule()),
            b.bytes("max_report_size").orElse(defaults.maxReportBytes()),
            ReportEntries.read(b, reader, (name, paths, entry) -> spec(name, paths, entry, reader)),
            discover,
            BenchmarkRegressionConfig.read(b, reader, defaults.regression()));
    b.rejectUnknownKeys();
    return Optional.of(benchmarks);
  }

  private static BenchmarkSpec spec(
      String name, List<String> paths, YamlMapping entry, SectionReader reader) {
    Optional<String> formatName = entry.string("format");
    BenchmarkFormat format = null;
    if (formatName.isPresent() && !formatName.get().equalsIgnoreCase("auto")) {
      format = BenchmarkFormat.ofToolName(formatName.get()).orElse(null);
      if (format == null) {
        reader
            .errors()
            .at(
                entry.get("format").orElse(entry.node()),
                entry.child("format"),
                "unknown benchmark format \""
                    + formatName.get()
                    + "\" (known: auto, "
                    + BenchmarkRegressionConfig.formatNames()
                    + ")");
      }
    }
    if (format == BenchmarkFormat.CRITERION) {
      for (String p : paths) {
        if (dev.dxexporter.collect.input.ReportGlob.isPattern(p)) {
          reader
              .errors()
              .at(
                  entry.get("paths").orElse(entry.node()),
                  entry.child("paths"),
                  "criterion paths are output directories (target/criterion), not patterns: " + p);
        }
      }
    }
    return new BenchmarkSpec(name, paths, format);
  }

  /** On when criterion results or pytest-benchmark autosaves exist in their default places. */
  @Override
  public Optional<Benchmarks> detect(Detection d) {
    try {
      if (BenchmarkDiscovery.criterionDirectories(d.root()).isEmpty()
          && BenchmarkDiscovery.pytestAutosaves(d.root()).isEmpty()) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    Defaults x = Defaults.BUILT_IN;
    return Optional.of(
        new Benchmarks(
            d.root(), x.schedule(), x.maxReportBytes(), List.of(), true, x.regression()));
  }

  @Override
  public List<PlannedCollector> plan(
      ProjectConfig project, Benchmarks settings, PlanContext context) {
    return List.of(
        new PlannedCollector(
            new CollectorId(project.name(), COLLECTOR),
            settings.schedule(),
            settings,
            new BenchmarkCollector(
                project.name(),
                settings.root(),
                settings.reports(),
                settings.discover(),
                settings.maxReportBytes(),
                settings.regression(),
                context::store,
                context.clock(),
                counters)));
  }

  @Override
  public String describe(Benchmarks settings) {
    String reports =
        settings.reports().stream()
            .map(BenchmarkSpec::name)
            .collect(Collectors.joining(", ", "[", "]"));
    return (settings.discover() ? "discover " : "") + reports;
  }
}
