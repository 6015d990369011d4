package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.github.ArtifactFetcher;
import dev.dxexporter.collect.github.ArtifactReport;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.CiStore;
import dev.dxexporter.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifacts of finished runs whose names match the configured patterns: streamed (within the
 * zip limits), the entries that may be reports written to a private temporary directory only as
 * long as the readers need them, then ingested by {@link ArtifactReports}, so {@code dx_tests*},
 * {@code dx_coverage*} and {@code dx_benchmark*} show CI results without a push step.
 */
public final class ArtifactIngest {
  private static final Logger log = LoggerFactory.getLogger(ArtifactIngest.class);

  /** Finished runs whose artifacts are fetched per poll; the rest wait for the next one. */
  static final int RUNS_PER_POLL = 5;

  private final Supplier<ArtifactFetcher> fetcher;
  private final ArtifactReports reports;

  public ArtifactIngest(
      Supplier<ArtifactFetcher> fetcher,
      ArtifactReaders readers,
      Supplier<Store> store,
      Clock clock) {
    this.fetcher = fetcher;
    this.reports = new ArtifactReports(readers, store, clock);
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
          reports.ingest(project, run, read.artifact().name(), dir.resolve(read.artifact().name()));
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
      return; // not a report of any kind read here: skipped unread
    }
    // criterion's files keep their paths (its tree is read whole, names come from it); every
    // other entry is flattened into the artifact's directory. Entry names are checked against
    // traversal by the zip reader before they get here.
    Path base = dir.resolve(artifact);
    Path target =
        ArtifactEntryKind.criterion(entry)
            ? base.resolve(ArtifactReports.CRITERION_DIR).resolve(entry).normalize()
            : base.resolve(entry.replace('/', '_'));
    if (!target.startsWith(base)) {
      return;
    }
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("temporary directory {} not removed: {}", dir, e.toString());
    }
  }
}
