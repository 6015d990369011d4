package dev.dxexporter;

import dev.dxexporter.cli.Cli;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.TestInsights;
import dev.dxexporter.plan.BenchmarkSource;
import dev.dxexporter.plan.BuildSource;
import dev.dxexporter.plan.CacheSource;
import dev.dxexporter.plan.CoverageSource;
import dev.dxexporter.plan.DependencySource;
import dev.dxexporter.plan.GitHubSource;
import dev.dxexporter.plan.ObjectiveSource;
import dev.dxexporter.plan.PushSource;
import dev.dxexporter.plan.Source;
import dev.dxexporter.plan.TestReportSource;
import java.util.List;

/** Builds the list of sources, in the order their collectors are planned, and hands it on. */
public final class Main {
  private Main() {}

  /** Every source of samples; a new source is one more line here. */
  public static List<Source<?, ?>> sources() {
    IngestCounters ingested = new IngestCounters();
    TestReportSource tests = new TestReportSource(new TestInsights(), ingested);
    CoverageSource coverage = new CoverageSource(ingested);
    BenchmarkSource benchmarks = new BenchmarkSource(ingested);
    PushSource push = new PushSource(tests, coverage, benchmarks, ingested);
    return List.of(
        new CacheSource(),
        new DependencySource(),
        tests,
        coverage,
        benchmarks,
        push,
        new BuildSource(ingested, push),
        new GitHubSource(),
        new ObjectiveSource());
  }

  public static void main(String[] args) {
    System.exit(Cli.commandLine(sources()).execute(args));
  }
}
