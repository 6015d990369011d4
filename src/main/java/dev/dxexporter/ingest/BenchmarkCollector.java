package dev.dxexporter.ingest;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.bench.BenchmarkDiscovery;
import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.collect.bench.Regression;
import dev.dxexporter.collect.bench.RegressionResult;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.ReportGlob;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.BenchmarkReport;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's benchmarks: each run takes in the benchmark results that appeared or changed
 * (criterion directories, output files, with {@code discover} also criterion's {@code
 * target/criterion} and pytest-benchmark's {@code .benchmarks/} autosaves), then reads the latest
 * report of each name back from the store and judges it against the base branch's history.
 */
public final class BenchmarkCollector implements Collector {
  static final String SOURCE = "benchmarks";
  private static final Logger log = LoggerFactory.getLogger(BenchmarkCollector.class);

  private final String project;
  private final Path root;
  private final List<BenchmarkSpec> reports;
  private final boolean discover;
  private final Supplier<Store> store;
  private final Clock clock;
  private final IngestCounters counters;
  private final BenchmarkIngester ingester;
  private final BenchmarkVerdicts verdicts;
  private final ReportIdentity identities = new ReportIdentity();
  private final Set<String> refused = new HashSet<>();

  public BenchmarkCollector(
      String project,
      Path root,
      List<BenchmarkSpec> reports,
      boolean discover,
      long maxReportBytes,
      RegressionSettings regression,
      Supplier<Store> store,
      Clock clock,
      IngestCounters counters) {
    this.project = project;
    this.root = root;
    this.reports = List.copyOf(reports);
    this.discover = discover;
    this.store = store;
    this.clock = clock;
    this.counters = counters;
    this.ingester = new BenchmarkIngester(maxReportBytes, new Regression(regression.policy()));
    this.verdicts = new BenchmarkVerdicts(regression);
  }

  @Override
  public List<Sample> collect() throws IOException, InterruptedException {
    Store s = store.get();
    GitHead head = GitHead.of(root);
    Set<Path> seen = new HashSet<>();
    if (discover) {
      criterion(s, head, "criterion", root.resolve("target/criterion"), seen);
      List<BenchmarkDiscovery.PytestAutosave> saves = BenchmarkDiscovery.pytestAutosaves(root);
      for (BenchmarkDiscovery.PytestAutosave save : saves) {
        String name = saves.size() == 1 ? "pytest" : "pytest:" + save.machine();
        for (Path file :
            save.previous() == null
                ? List.of(save.latest())
                : List.of(save.previous(), save.latest())) {
          file(s, head, name, file, BenchmarkFormat.PYTEST, seen);
        }
      }
    }
    for (BenchmarkSpec spec : reports) {
      if (spec.format() == BenchmarkFormat.CRITERION) {
        for (String dir : spec.paths()) {
          criterion(s, head, spec.name(), root.resolve(dir), seen);
        }
        continue;
      }
      for (ReportDiscovery.Found found :
          ReportDiscovery.find(root, spec.name(), spec.paths(), Skips.DEFAULT, false)) {
        file(s, head, found.name(), found.files().get(0), spec.format(), seen);
      }
    }
    identities.retainOnly(seen);
    if (refused.size() > 1000) {
      refused.clear();
    }
    List<BenchmarkReport> latest = s.latestBenchmarkReports(project);
    Map<Long, Map<String, RegressionResult>> judged = new HashMap<>();
    for (BenchmarkReport r : latest) {
      judged.put(r.id(), verdicts.of(s, r));
    }
    List<Sample> samples = new ArrayList<>(BenchmarkSamples.of(project, latest, judged));
    samples.addAll(counters.samples(project, SOURCE));
    return samples;
  }

  private void criterion(Store s, GitHead head, String name, Path dir, Set<Path> seen)
      throws IOException, InterruptedException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Path base = dir.toAbsolutePath().normalize();
    ReportGlob glob = new ReportGlob(base, p -> false);
    List<Path> files = new ArrayList<>(glob.files("**/new/*.json"));
    files.addAll(glob.files("**/change/*.json"));
    if (files.isEmpty()) {
      return;
    }
    seen.addAll(files);
    String identity = identity(base, files, dir);
    if (identity == null) {
      return;
    }
    try {
      BenchmarkIngester.Ingested done =
          ingester.ingestCriterion(s, meta(name, identity, head), dir);
      for (InputException e : done.errors()) {
        // One broken benchmark (say, one criterion is writing right now) is counted and named;
        // the others are stored. The next scan sees the rewritten files as a new report.
        counters.refused(project, SOURCE, "file");
        log.warn("project {}: criterion benchmark not read: {}", project, e.getMessage());
      }
      stored(done, name, dir);
    } catch (InputException e) {
      refuse(identity, e);
    }
  }

  private void file(
      Store s, GitHead head, String name, Path file, BenchmarkFormat format, Set<Path> seen) {
    seen.add(file);
    String identity = identity(file.getParent(), List.of(file), file);
    if (identity == null) {
      return;
    }
    try {
      stored(ingester.ingestFile(s, meta(name, identity, head), file, format), name, file);
    } catch (InputException e) {
      refuse(identity, e);
    }
  }

  private String identity(Path base, List<Path> files, Path where) {
    String identity;
    try {
      identity = "sha256:" + identities.of(base, files);
    } catch (IOException e) {
      counters.refused(project, SOURCE, "file");
      log.warn("project {}: benchmark report {} not read: {}", project, where, e.toString());
      return null;
    }
    return refused.contains(identity) ? null : identity;
  }

  private ReportMeta meta(String name, String identity, GitHead head) {
    return new ReportMeta(
        project,
        SOURCE,
        identity,
        name,
        "auto",
        head.branch(),
        head.commit(),
        null,
        clock.instant());
  }

  private void stored(BenchmarkIngester.Ingested done, String name, Path where) {
    if (done.outcome() == SaveOutcome.STORED) {
      counters.ingested(project, SOURCE, "file", true);
      log.info(
          "project {}: ingested benchmark report {} ({} benchmarks) from {}",
          project,
          name,
          done.benchmarks(),
          where);
    }
  }

  private void refuse(String identity, InputException e) {
    counters.refused(project, SOURCE, "file");
    refused.add(identity);
    log.warn("project {}: benchmark report not read: {}", project, e.getMessage());
  }
}
