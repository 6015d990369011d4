package dev.dxexporter.ingest;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's coverage: each run takes in the coverage files that appeared or changed (Cobertura,
 * LCOV, JaCoCo, told apart by content), then reads the latest report of each name back from the
 * store (so pushed reports count, and a restart loses nothing).
 */
public final class CoverageCollector implements Collector {
  static final String SOURCE = "coverage";
  private static final Logger log = LoggerFactory.getLogger(CoverageCollector.class);

  private final String project;
  private final Path root;
  private final List<ReportSpec> reports;
  private final Supplier<Store> store;
  private final Clock clock;
  private final IngestCounters counters;
  private final CoverageIngester ingester;
  private final ReportIdentity identities = new ReportIdentity();
  private final Set<String> refused = new HashSet<>();

  public CoverageCollector(
      String project,
      Path root,
      List<ReportSpec> reports,
      long maxReportBytes,
      Supplier<Store> store,
      Clock clock,
      IngestCounters counters) {
    this.project = project;
    this.root = root;
    this.reports = List.copyOf(reports);
    this.store = store;
    this.clock = clock;
    this.counters = counters;
    this.ingester = new CoverageIngester(maxReportBytes);
  }

  @Override
  public List<Sample> collect() throws IOException, InterruptedException {
    Store s = store.get();
    GitHead head = GitHead.of(root);
    Set<Path> seen = new HashSet<>();
    for (ReportSpec spec : reports) {
      for (ReportDiscovery.Found found :
          ReportDiscovery.find(root, spec.name(), spec.patterns(), Skips.DEFAULT, false)) {
        seen.addAll(found.files());
        ingest(s, found, head);
      }
    }
    identities.retainOnly(seen);
    if (refused.size() > 1000) {
      refused.clear();
    }
    List<Sample> samples =
        new ArrayList<>(CoverageSamples.of(project, s.latestCoverageReports(project)));
    samples.addAll(counters.samples(project, SOURCE));
    return samples;
  }

  private void ingest(Store s, ReportDiscovery.Found found, GitHead head) {
    Path file = found.files().get(0);
    String identity;
    try {
      identity = "sha256:" + identities.of(found.base(), found.files());
    } catch (IOException e) {
      counters.refused(project, SOURCE, "file");
      log.warn("project {}: coverage report {} not read: {}", project, file, e.toString());
      return;
    }
    if (refused.contains(identity)) {
      return;
    }
    ReportMeta meta =
        new ReportMeta(
            project,
            SOURCE,
            identity,
            found.name(),
            "auto",
            head.branch(),
            head.commit(),
            null,
            clock.instant());
    try {
      CoverageIngester.Ingested done = ingester.ingest(s, meta, file, Optional.empty());
      if (done.outcome() == SaveOutcome.STORED) {
        counters.ingested(project, SOURCE, "file", true);
        log.info(
            "project {}: ingested coverage report {} ({}, lines {}, branches {}) from {}",
            project,
            found.name(),
            done.report().format().id(),
            done.report().lines(),
            done.report().branches(),
            file);
      }
    } catch (InputException e) {
      counters.refused(project, SOURCE, "file");
      refused.add(identity);
      log.warn("project {}: coverage report not read: {}", project, e.getMessage());
    }
  }
}
