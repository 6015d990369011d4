package dev.dxexporter.plan;

import dev.dxexporter.config.Detection;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Secret;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.http.BearerToken;
import dev.dxexporter.http.Exchange;
import dev.dxexporter.http.Route;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.RegressionSettings;
import dev.dxexporter.ingest.push.ArchiveLimits;
import dev.dxexporter.ingest.push.PushHandler;
import dev.dxexporter.ingest.push.PushLimits;
import dev.dxexporter.ingest.push.PushTarget;
import dev.dxexporter.metrics.CollectorId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reports pushed from CI ({@code push:} in a project: its bearer token; {@code global.push}: the
 * size limit): plans no collector, adds {@code POST /api/v1/reports}. What is pushed lands in the
 * store and shows through the project's {@code tests}, {@code coverage} and {@code benchmarks}
 * collectors, which must exist.
 */
public final class PushSource implements Source<PushSource.Defaults, PushSource.Push> {
  private static final Logger log = LoggerFactory.getLogger(PushSource.class);

  /** {@code global.push}. */
  public record Defaults(long maxRequestBytes) {}

  /** A project's push settings: the token a push must carry. */
  public record Push(Secret token, long maxRequestBytes) {}

  private final TestReportSource tests;
  private final CoverageSource coverage;
  private final BenchmarkSource benchmarks;
  private final IngestCounters counters;

  public PushSource(
      TestReportSource tests,
      CoverageSource coverage,
      BenchmarkSource benchmarks,
      IngestCounters counters) {
    this.tests = tests;
    this.coverage = coverage;
    this.benchmarks = benchmarks;
    this.counters = counters;
  }

  @Override
  public String name() {
    return "push";
  }

  @Override
  public String projectKey() {
    return "push";
  }

  @Override
  public String globalKey() {
    return "push";
  }

  @Override
  public Defaults readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    return new Defaults(
        global
            .flatMap(g -> g.bytes("max_request_size"))
            .orElse(PushLimits.DEFAULT_MAX_REQUEST_BYTES));
  }

  @Override
  public Optional<Push> readProject(
      Optional<Node> section, Defaults defaults, SectionReader reader) {
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping p = reader.mapping(section.get(), reader.sectionPath(projectKey()));
    Optional<Secret> token = reader.secret(p, "token");
    if (token.isEmpty() && p.get("token").isEmpty()) {
      reader
          .errors()
          .at(p.node(), p.child("token"), "required key is missing ({env: VAR} or {file: path})");
    }
    p.rejectUnknownKeys();
    return token.map(t -> new Push(t, defaults.maxRequestBytes()));
  }

  /** Pushes need a token: never on in the zero-config default. */
  @Override
  public Optional<Push> detect(Detection detection) {
    return Optional.empty();
  }

  @Override
  public List<PlannedCollector> plan(ProjectConfig project, Push settings, PlanContext context) {
    return List.of();
  }

  @Override
  public List<Route> routes(RouteContext context) {
    BearerToken auth = new BearerToken(ex -> token(context.config(), ex));
    PushHandler handler =
        new PushHandler(
            name -> target(context, name),
            () -> context.services().store(),
            context.services().clock(),
            counters,
            new PushLimits(PushLimits.DEFAULT_MAX_REQUEST_BYTES, ArchiveLimits.DEFAULT));
    return List.of(
        Route.post(
            "/api/v1/reports",
            auth,
            ex -> {
              long max =
                  project(context.config(), ex)
                      .flatMap(p -> p.settings(this))
                      .map(Push::maxRequestBytes)
                      .orElse(PushLimits.DEFAULT_MAX_REQUEST_BYTES);
              handler.withLimit(max).handle(ex);
            }));
  }

  /** The bearer-token check of a project's pushes, for the other push routes (builds). */
  BearerToken authentication(RouteContext context) {
    return new BearerToken(ex -> token(context.config(), ex));
  }

  private Optional<ProjectConfig> project(DxConfig config, Exchange ex) {
    Optional<String> name =
        ex.query("project").or(() -> ex.header("X-Dx-Project")).map(String::strip);
    return name.flatMap(
        n -> config.projects().stream().filter(p -> p.name().equals(n)).findFirst());
  }

  /** The token of the project the request names; empty (403) without one or when unreadable. */
  private Optional<String> token(DxConfig config, Exchange ex) {
    Optional<Push> push = project(config, ex).flatMap(p -> p.settings(this));
    if (push.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(push.get().token().resolve());
    } catch (IOException e) {
      log.warn("push token {} cannot be read: {}", push.get().token(), e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<PushTarget> target(RouteContext context, String name) {
    return context.config().projects().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .map(
            p ->
                new PushTarget(
                    p.name(),
                    p.settings(tests).isPresent(),
                    p.settings(coverage).isPresent(),
                    p.settings(tests).map(TestReportSource.Tests::maxReportBytes).orElse(1L << 30),
                    p.settings(coverage)
                        .map(CoverageSource.Coverage::maxReportBytes)
                        .orElse(512L << 20),
                    () -> context.refresh(new CollectorId(p.name(), TestReportSource.COLLECTOR)),
                    () -> context.refresh(new CollectorId(p.name(), CoverageSource.COLLECTOR)),
                    p.settings(benchmarks).isPresent(),
                    p.settings(benchmarks)
                        .map(BenchmarkSource.Benchmarks::maxReportBytes)
                        .orElse(BenchmarkSource.Defaults.BUILT_IN.maxReportBytes()),
                    p.settings(benchmarks)
                        .map(BenchmarkSource.Benchmarks::regression)
                        .orElse(RegressionSettings.DEFAULT),
                    () -> context.refresh(new CollectorId(p.name(), BenchmarkSource.COLLECTOR))));
  }
}
