package dev.dxexporter.ingest;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.FlakyRatio;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.SlowTest;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.TestReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's test results: each run ingests the reports that appeared or changed on disk (the
 * same bytes are never stored twice), then reads the project's latest reports, flaky window and
 * slowest tests back from the store, so the samples are the same after a restart and include what
 * was pushed. A report that cannot be read is logged with its file and line and counted; the others
 * are still taken in. Throws only when the store cannot be used (the last samples are then kept).
 */
public final class TestReportCollector implements Collector {
  static final String SOURCE = "tests";
  private static final Logger log = LoggerFactory.getLogger(TestReportCollector.class);

  private final String project;
  private final Path root;
  private final List<ReportSpec> reports;
  private final Predicate<Path> skip;
  private final Duration flakyWindow;
  private final Supplier<Store> store;
  private final Clock clock;
  private final TestInsights insights;
  private final IngestCounters counters;
  private final TestIngester ingester;
  private final ReportIdentity identities = new ReportIdentity();
  private final Set<String> refusedIdentities =
      java.util.Collections.newSetFromMap(
          new java.util.LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > 1000;
            }
          });

  public TestReportCollector(
      String project,
      Path root,
      List<ReportSpec> reports,
      Duration flakyWindow,
      long maxReportBytes,
      Supplier<Store> store,
      Clock clock,
      TestInsights insights,
      IngestCounters counters) {
    this.project = project;
    this.root = root;
    this.reports = List.copyOf(reports);
    this.skip = Skips.DEFAULT;
    this.flakyWindow = flakyWindow;
    this.store = store;
    this.clock = clock;
    this.insights = insights;
    this.counters = counters;
    this.ingester = new TestIngester(maxReportBytes);
  }

  @Override
  public List<Sample> collect() throws IOException, InterruptedException {
    Store s = store.get();
    GitHead head = GitHead.of(root);
    Set<Path> seen = new HashSet<>();
    for (ReportSpec spec : reports) {
      for (ReportDiscovery.Found found :
          ReportDiscovery.find(root, spec.name(), spec.patterns(), skip, true)) {
        seen.addAll(found.files());
        ingest(s, found, head);
      }
    }
    identities.retainOnly(seen);
    Instant now = clock.instant();
    Instant from = now.minus(flakyWindow);
    List<TestReport> latest = s.latestTestReports(project);
    FlakyRatio flaky = s.flakyRatio(project, from, now);
    Map<String, List<SlowTest>> slowest = new LinkedHashMap<>();
    for (TestReport r : latest) {
      slowest.put(
          r.meta().reportName(),
          s.slowestTests(project, r.meta().reportName(), TestInsights.LIMIT));
    }
    insights.put(
        project,
        new TestInsights.Snapshot(
            now, from, s.flakyTests(project, from, now, TestInsights.LIMIT), slowest));
    List<Sample> samples = new ArrayList<>(TestSamples.of(project, latest, flaky, flakyWindow));
    samples.addAll(counters.samples(project, SOURCE));
    return samples;
  }

  private void ingest(Store s, ReportDiscovery.Found found, GitHead head)
      throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("test report scan of " + project + " interrupted");
    }
    String identity;
    try {
      identity = "sha256:" + identities.of(found.base(), found.files());
    } catch (IOException e) {
      log.warn("project {}: test report {} not read: {}", project, found.base(), e.toString());
      counters.refused(project, SOURCE, "file");
      return;
    }
    if (refusedIdentities.contains(identity)) {
      return;
    }
    ReportMeta meta =
        new ReportMeta(
            project,
            SOURCE,
            identity,
            found.name(),
            "junit",
            head.branch(),
            head.commit(),
            null,
            clock.instant());
    try {
      Path report = found.files().size() == 1 ? found.files().get(0) : found.base();
      TestIngester.Ingested done = ingester.ingest(s, meta, found.files(), false);
      if (done.outcome() == SaveOutcome.STORED) {
        counters.ingested(project, SOURCE, "file", true);
        log.info(
            "project {}: ingested test report {} ({} cases in {} files) from {}",
            project,
            found.name(),
            done.cases(),
            done.files(),
            report);
        done.unreadable()
            .forEach(u -> log.warn("project {}: part of {} not read: {}", project, report, u));
      }
    } catch (InputException e) {
      counters.refused(project, SOURCE, "file");
      refusedIdentities.add(identity); // not read again until its bytes change
      log.warn("project {}: test report not read: {}", project, e.getMessage());
    }
  }
}
