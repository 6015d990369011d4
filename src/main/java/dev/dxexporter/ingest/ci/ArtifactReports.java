package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.ingest.BenchmarkIngester;
import dev.dxexporter.ingest.CargoTimingsFigures;
import dev.dxexporter.ingest.CoverageIngester;
import dev.dxexporter.ingest.TestIngester;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports of one unpacked artifact into the store, each through its reader and each carrying
 * its run's branch and head commit: JUnit XML as one test report, coverage as one report per file,
 * benchmark output files as one benchmark report per file, a criterion tree as one benchmark
 * report, and the newest cargo timings HTML as one build-timings report. Names: the artifact's, or
 * {@code artifact/file} when it holds several of a kind.
 */
final class ArtifactReports {
  private static final Logger log = LoggerFactory.getLogger(ArtifactReports.class);

  /** Where an artifact's criterion files are kept with their paths: no flattened name ends so. */
  static final String CRITERION_DIR = "tree.criterion";

  /** The sources of the collectors that show them: tests, coverage, benchmarks, builds. */
  private static final String TESTS = "tests";

  private static final String COVERAGE = "coverage";
  private static final String BENCHMARKS = "benchmarks";
  private static final String BUILDS = "builds";

  private final ArtifactReaders readers;
  private final Supplier<Store> store;
  private final Clock clock;

  ArtifactReports(ArtifactReaders readers, Supplier<Store> store, Clock clock) {
    this.readers = readers;
    this.store = store;
    this.clock = clock;
  }

  /**
   * @param files the artifact's directory: flattened entries, and its criterion tree if any
   */
  void ingest(String project, CiRun run, String artifact, Path files) throws InterruptedException {
    List<Path> junit = new ArrayList<>();
    List<Path> coverage = new ArrayList<>();
    List<Path> benchmarks = new ArrayList<>();
    List<Path> timings = new ArrayList<>();
    if (Files.isDirectory(files)) {
      try (Stream<Path> s = Files.list(files)) {
        for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
          switch (ArtifactEntryKind.of(f)) {
            case JUNIT -> junit.add(f);
            case COVERAGE -> coverage.add(f);
            case BENCHMARK -> benchmarks.add(f);
            case TIMINGS -> timings.add(f);
            case OTHER -> {}
          }
        }
      } catch (IOException e) {
        log.warn("project {}: artifact {}: {}", project, artifact, e.toString());
        return;
      }
    }
    String identity =
        "github:" + run.repository() + ":" + run.runId() + ":" + run.runAttempt() + ":" + artifact;
    if (!junit.isEmpty()) {
      tests(project, run, artifact, meta(project, TESTS, identity, artifact, run), junit);
    }
    for (Path f : coverage) {
      // One report per file: an artifact may hold the coverage of several modules.
      String name = coverage.size() == 1 ? artifact : artifact + "/" + f.getFileName();
      coverage(
          project,
          run,
          artifact,
          meta(project, COVERAGE, identity + ":" + f.getFileName(), name, run),
          f);
    }
    Path criterion = files.resolve(CRITERION_DIR);
    boolean tree = Files.isDirectory(criterion);
    for (Path f : benchmarks) {
      String name = benchmarks.size() == 1 && !tree ? artifact : artifact + "/" + f.getFileName();
      ReportMeta meta = meta(project, BENCHMARKS, identity + ":" + f.getFileName(), name, run);
      benchmark(
          project,
          run,
          artifact,
          () -> readers.benchmarks().ingestFile(store.get(), meta, f, null));
    }
    if (!timings.isEmpty()) {
      // cargo writes cargo-timing-<time>.html per build and cargo-timing.html as the latest copy:
      // the last by name is that copy, or else the latest build.
      Path newest = timings.get(timings.size() - 1);
      timings(project, run, artifact, meta(project, BUILDS, identity, artifact, run), newest);
    }
    if (tree) {
      ReportMeta meta = meta(project, BENCHMARKS, identity + ":criterion", artifact, run);
      benchmark(
          project,
          run,
          artifact,
          () -> readers.benchmarks().ingestCriterion(store.get(), meta, criterion));
    }
  }

  private ReportMeta meta(String project, String source, String identity, String name, CiRun run) {
    return new ReportMeta(
        project,
        source,
        identity,
        name,
        source.equals(TESTS) ? "junit" : "auto",
        run.branch(),
        run.headSha(), // pairs the reports of runs of one commit for flaky detection
        run.runId() + "-" + run.runAttempt(),
        clock.instant());
  }

  private void tests(String project, CiRun run, String artifact, ReportMeta meta, List<Path> xml) {
    try {
      TestIngester.Ingested done = readers.tests().ingest(store.get(), meta, xml, false);
      stored(project, run, artifact, done.outcome(), done.cases() + " test cases");
    } catch (InputException e) {
      refused(project, run, artifact, e);
    }
  }

  private void coverage(String project, CiRun run, String artifact, ReportMeta meta, Path file) {
    try {
      CoverageIngester.Ingested done =
          readers.coverage().ingest(store.get(), meta, file, Optional.empty());
      stored(project, run, artifact, done.outcome(), done.report().format().id() + " coverage");
    } catch (InputException e) {
      refused(project, run, artifact, e);
    }
  }

  private void timings(String project, CiRun run, String artifact, ReportMeta meta, Path file) {
    try {
      SaveOutcome outcome =
          store.get().saveBuildTimings(meta, CargoTimingsFigures.of(readers.timings().read(file)));
      stored(project, run, artifact, outcome, "cargo timings " + file.getFileName());
    } catch (InputException e) {
      refused(project, run, artifact, e);
    } catch (IllegalArgumentException e) {
      // A figure the store refuses (negative, not finite): the report, not the poll, is dropped.
      refused(project, run, artifact, new InputException(file, e.getMessage()));
    }
  }

  private interface BenchmarkRead {
    BenchmarkIngester.Ingested read() throws InputException, IOException, InterruptedException;
  }

  private void benchmark(String project, CiRun run, String artifact, BenchmarkRead read)
      throws InterruptedException {
    try {
      BenchmarkIngester.Ingested done = read.read();
      for (InputException e : done.errors()) {
        refused(project, run, artifact, e);
      }
      stored(project, run, artifact, done.outcome(), done.benchmarks() + " benchmarks");
    } catch (InputException e) {
      refused(project, run, artifact, e);
    } catch (IOException e) {
      log.warn(
          "project {}: artifact {} of run {}: {}", project, artifact, run.runId(), e.toString());
    }
  }

  private static void stored(
      String project, CiRun run, String artifact, SaveOutcome outcome, String what) {
    if (outcome == SaveOutcome.STORED) {
      log.info(
          "project {}: artifact {} of run {} stored: {}", project, artifact, run.runId(), what);
    }
  }

  private static void refused(String project, CiRun run, String artifact, InputException e) {
    log.warn(
        "project {}: artifact {} of run {} refused: {}",
        project,
        artifact,
        run.runId(),
        e.getMessage());
  }
}
