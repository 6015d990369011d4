package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.github.ArtifactFetcher;
import dev.dxexporter.collect.github.ArtifactReport;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.ingest.CoverageIngester;
import dev.dxexporter.ingest.TestIngester;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.CiStore;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifacts of finished runs whose names match the configured patterns: streamed (within the
 * zip limits), their JUnit XML entries ingested through the test-report reader as one report per
 * artifact and attempt, their coverage entries (lcov, Cobertura, JaCoCo) through the coverage
 * reader as one report per file, so {@code dx_tests*} and {@code dx_coverage*} show CI results
 * without a push step. Entries are written to a private temporary directory only as long as the
 * reader needs them.
 */
public final class ArtifactIngest {
  private static final Logger log = LoggerFactory.getLogger(ArtifactIngest.class);

  /** Finished runs whose artifacts are fetched per poll; the rest wait for the next one. */
  static final int RUNS_PER_POLL = 5;

  /** The coverage collector's source: artifact coverage shows as {@code dx_coverage_*}. */
  private static final String COVERAGE = "coverage";

  private final Supplier<ArtifactFetcher> fetcher;
  private final TestIngester tests;
  private final CoverageIngester coverage;
  private final Supplier<Store> store;
  private final Clock clock;

  public ArtifactIngest(
      Supplier<ArtifactFetcher> fetcher,
      TestIngester tests,
      CoverageIngester coverage,
      Supplier<Store> store,
      Clock clock) {
    this.fetcher = fetcher;
    this.tests = tests;
    this.coverage = coverage;
    this.store = store;
    this.clock = clock;
  }

  /** Fetches and ingests the artifacts of a few finished runs; stops at an API problem. */
  public void fetch(String project, CiSettings.Repository repo, CiStore ci)
      throws InterruptedException {
    for (CiRun run : ci.awaitingArtifacts(project, repo.target().fullName(), RUNS_PER_POLL)) {
      Path dir;
      try {
        dir = Files.createTempDirectory("dx-artifact-");
      } catch (IOException e) {
        log.warn("project {}: no temporary directory for artifacts: {}", project, e.toString());
        return;
      }
      try {
        ArtifactReport report =
            fetcher
                .get()
                .fetch(
                    repo.target(), run.runId(), (a, entry, in) -> save(dir, a.name(), entry, in));
        report
            .skipped()
            .forEach(
                s ->
                    log.warn(
                        "project {}: artifact {} of run {} not read: {}",
                        project,
                        s.artifact().name(),
                        run.runId(),
                        s.reason()));
        if (report.problem() != null) {
          log.warn(
              "project {}: artifacts of run {}: {}",
              project,
              run.runId(),
              report.problem().getMessage());
          return; // budget, rate limit or credentials: the same run is tried again next poll
        }
        for (ArtifactReport.Read read : report.read()) {
          ingest(project, run, read.artifact().name(), dir.resolve(read.artifact().name()));
        }
        ci.artifactsDone(project, repo.target().fullName(), run.runId(), run.runAttempt());
      } finally {
        delete(dir);
      }
    }
  }

  private static void save(Path dir, String artifact, String entry, InputStream in)
      throws IOException {
    if (!ArtifactEntryKind.candidate(entry)) {
      return; // timings and benchmarks from artifacts are not routed yet
    }
    Path target = dir.resolve(artifact).resolve(entry.replace('/', '_'));
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
  }

  private void ingest(String project, CiRun run, String artifact, Path files) {
    List<Path> junit = new ArrayList<>();
    List<Path> coverage = new ArrayList<>();
    if (Files.isDirectory(files)) {
      try (Stream<Path> s = Files.list(files)) {
        for (Path f : s.sorted().toList()) {
          switch (ArtifactEntryKind.of(f)) {
            case JUNIT -> junit.add(f);
            case COVERAGE -> coverage.add(f);
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
      ingestTests(project, run, artifact, meta(project, "tests", identity, artifact, run), junit);
    }
    for (Path f : coverage) {
      // One report per file: an artifact may hold the coverage of several modules.
      String name = coverage.size() == 1 ? artifact : artifact + "/" + f.getFileName();
      ingestCoverage(
          project,
          run,
          artifact,
          meta(project, COVERAGE, identity + ":" + f.getFileName(), name, run),
          f);
    }
  }

  private ReportMeta meta(String project, String source, String identity, String name, CiRun run) {
    return new ReportMeta(
        project,
        source,
        identity,
        name,
        source.equals(COVERAGE) ? "auto" : "junit",
        run.branch(),
        run.headSha(), // pairs the reports of runs of one commit for flaky detection
        run.runId() + "-" + run.runAttempt(),
        clock.instant());
  }

  private void ingestTests(
      String project, CiRun run, String artifact, ReportMeta meta, List<Path> xml) {
    try {
      TestIngester.Ingested done = tests.ingest(store.get(), meta, xml, false);
      if (done.outcome() == SaveOutcome.STORED) {
        log.info(
            "project {}: artifact {} of run {} stored: {} test cases",
            project,
            artifact,
            run.runId(),
            done.cases());
      }
    } catch (InputException e) {
      refused(project, run, artifact, e);
    }
  }

  private void ingestCoverage(
      String project, CiRun run, String artifact, ReportMeta meta, Path file) {
    try {
      CoverageIngester.Ingested done = coverage.ingest(store.get(), meta, file, Optional.empty());
      if (done.outcome() == SaveOutcome.STORED) {
        log.info(
            "project {}: artifact {} of run {} stored: {} coverage",
            project,
            artifact,
            run.runId(),
            done.report().format().id());
      }
    } catch (InputException e) {
      refused(project, run, artifact, e);
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

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("temporary directory {} not removed: {}", dir, e.toString());
    }
  }
}
