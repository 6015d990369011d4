package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.github.GitHubClient;
import dev.dxexporter.collect.github.KnownRun;
import dev.dxexporter.collect.github.PollResult;
import dev.dxexporter.collect.github.RunJobs;
import dev.dxexporter.collect.github.RunPoller;
import dev.dxexporter.collect.github.WorkflowJob;
import dev.dxexporter.collect.github.WorkflowRun;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.CiApplied;
import dev.dxexporter.store.CiBatch;
import dev.dxexporter.store.CiJob;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.CiStore;
import dev.dxexporter.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one project's repositories: runs, then the jobs of runs not yet final in the store, applied
 * to the store like webhook deliveries (so both ways in give the same rows), then the artifacts of
 * newly finished runs. Every request is conditional; an idle poll of unchanged data is all 304s. An
 * API problem stops that repository's poll and is reported, it never fails the collector.
 */
public final class GitHubPollCollector implements Collector {
  private static final Logger log = LoggerFactory.getLogger(GitHubPollCollector.class);

  /** Known runs handed to the poller per repository: more than a listing's pages hold. */
  static final int KNOWN_RUNS = 500;

  private final String project;
  private final CiSettings settings;
  private final Supplier<GitHubClient> client;
  private final Supplier<RunPoller> poller;
  private final ArtifactIngest artifacts;
  private final Supplier<Store> store;
  private final Clock clock;
  private final GitHubCounters counters;
  private final Runnable refresh;
  private final Map<String, Boolean> lastPoll = new ConcurrentHashMap<>();

  public GitHubPollCollector(
      String project,
      CiSettings settings,
      Supplier<GitHubClient> client,
      Supplier<RunPoller> poller,
      ArtifactIngest artifacts,
      Supplier<Store> store,
      Clock clock,
      GitHubCounters counters,
      Runnable refresh) {
    this.project = project;
    this.settings = settings;
    this.client = client;
    this.poller = poller;
    this.artifacts = artifacts;
    this.store = store;
    this.clock = clock;
    this.counters = counters;
    this.refresh = refresh;
  }

  @Override
  public List<Sample> collect() throws InterruptedException {
    CiStore ci = store.get().ci();
    boolean changed = false;
    for (CiSettings.Repository repo : settings.repositories()) {
      String name = repo.target().fullName();
      PollResult result = poller.get().poll(repo.target(), known(ci, name));
      changed |= apply(ci, repo, result);
      lastPoll.put(name, result.complete());
      if (!result.complete()) {
        log.warn(
            "project {}: poll of {} stopped: {}", project, name, result.problem().getMessage());
      } else if (!settings.artifacts().isEmpty()) {
        artifacts.fetch(project, repo, ci);
      }
    }
    if (changed) {
      refresh.run();
    }
    GitHubClient c = client.get();
    return ApiSamples.of(
        project, c.stats().snapshot(), c.rateLimit().snapshot(), new LinkedHashMap<>(lastPoll));
  }

  private boolean apply(CiStore ci, CiSettings.Repository repo, PollResult result) {
    Instant now = clock.instant();
    CiRecords records = new CiRecords(project, now);
    List<CiRun> runs = new ArrayList<>();
    String learned = result.runs().isEmpty() ? null : learnedDefaultBranch(ci, repo, result);
    for (WorkflowRun run : result.runs()) {
      runs.add(records.run(run, repo, learned));
    }
    List<CiJob> jobs = new ArrayList<>();
    for (RunJobs listing : result.jobs()) {
      for (WorkflowJob job : listing.jobs()) {
        jobs.add(records.job(job, repo));
      }
    }
    if (runs.isEmpty() && jobs.isEmpty()) {
      return false;
    }
    CiApplied applied = ci.apply(new CiBatch(null, "poll", now, runs, jobs));
    counters.clamped(project, records.warnings().size());
    return applied.changed() > 0;
  }

  /**
   * The REST listing of runs usually leaves out {@code repository.default_branch}: without a
   * configured one, a run that names it in this poll, else the one webhook payloads named (kept in
   * the store as the branch of the runs classed default), so a reconciling poll classes runs as the
   * webhooks did. Null: nothing known, the fallback applies.
   */
  private String learnedDefaultBranch(CiStore ci, CiSettings.Repository repo, PollResult result) {
    if (repo.defaultBranch().isPresent()) {
      return null;
    }
    return result.runs().stream()
        .map(WorkflowRun::defaultBranch)
        .filter(b -> b != null && !b.isEmpty())
        .findFirst()
        .orElseGet(() -> ci.defaultBranchSeen(project, repo.target().fullName()).orElse(null));
  }

  /** What the store holds of the repository's runs, as the poller compares them. */
  private Map<Long, KnownRun> known(CiStore ci, String repository) {
    Map<Long, CiRun> latest = new LinkedHashMap<>();
    for (CiRun r : ci.repositoryRuns(project, repository, KNOWN_RUNS)) {
      latest.merge(r.runId(), r, (a, b) -> a.runAttempt() >= b.runAttempt() ? a : b);
    }
    Map<Long, KnownRun> known = new LinkedHashMap<>();
    for (CiRun r : latest.values()) {
      List<CiJob> jobs =
          r.finished() ? ci.attemptJobs(project, repository, r.runId(), r.runAttempt()) : List.of();
      boolean jobsFinal = !jobs.isEmpty() && jobs.stream().allMatch(CiJob::completed);
      known.put(
          r.runId(),
          new KnownRun(
              r.runId(), r.runAttempt(), r.status(), r.conclusion(), r.updatedAt(), jobsFinal));
    }
    return known;
  }
}
