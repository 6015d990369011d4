package dev.dxexporter.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link CiStore} over the store's connections: one write transaction per batch. */
final class JdbcCiStore implements CiStore {
  private final Connections connections;

  JdbcCiStore(Connections connections) {
    this.connections = connections;
  }

  @Override
  public CiApplied apply(CiBatch batch) {
    Objects.requireNonNull(batch, "batch");
    return connections.write(
        "applying CI "
            + batch.event()
            + (batch.deliveryId() == null ? "" : " " + batch.deliveryId()),
        c -> {
          if (batch.deliveryId() != null && !CiRuns.firstDelivery(c, batch)) {
            return new CiApplied(true, 0, 0);
          }
          int changed = 0;
          int finished = 0;
          for (CiRun run : batch.runs()) {
            int r = CiRuns.apply(c, run, batch.receivedAt());
            changed += r > 0 ? 1 : 0;
            finished += r == 2 ? 1 : 0;
          }
          for (CiJob job : batch.jobs()) {
            changed += CiJobs.apply(c, job, batch.receivedAt()) ? 1 : 0;
          }
          return new CiApplied(false, changed, finished);
        });
  }

  @Override
  public List<CiRun> runs(String project, Instant since, int limit) {
    return connections.read("reading CI runs", c -> CiRuns.runs(c, project, since, limit));
  }

  @Override
  public List<CiRun> repositoryRuns(String project, String repository, int limit) {
    return connections.read(
        "reading CI runs of " + repository,
        c -> CiRuns.repositoryRuns(c, project, repository, limit));
  }

  @Override
  public List<CiJob> jobs(String project, Instant since, int limit) {
    return connections.read("reading CI jobs", c -> CiJobs.completed(c, project, since, limit));
  }

  @Override
  public List<CiJob> attemptJobs(String project, String repository, long runId, int runAttempt) {
    return connections.read(
        "reading the jobs of run " + runId,
        c -> CiJobs.ofAttempt(c, project, repository, runId, runAttempt));
  }

  @Override
  public List<CiRunCount> runCounts(String project) {
    return connections.read("reading the CI run tally", c -> CiRuns.counts(c, project));
  }

  @Override
  public List<CiRun> awaitingArtifacts(String project, String repository, int limit) {
    return connections.read(
        "reading runs awaiting artifacts",
        c -> CiRuns.awaitingArtifacts(c, project, repository, limit));
  }

  @Override
  public Optional<String> defaultBranchSeen(String project, String repository) {
    return connections.read(
        "reading the default branch of " + repository,
        c -> CiRuns.defaultBranchSeen(c, project, repository));
  }

  @Override
  public void artifactsDone(String project, String repository, long runId, int runAttempt) {
    connections.write(
        "marking the artifacts of run " + runId,
        c -> {
          CiRuns.artifactsDone(c, project, repository, runId, runAttempt);
          return null;
        });
  }
}
