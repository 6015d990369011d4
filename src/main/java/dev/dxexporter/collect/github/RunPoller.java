package dev.dxexporter.collect.github;

import dev.dxexporter.collect.github.ApiException.Kind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls one repository's workflow runs and the jobs of those that may still change, and reports
 * what differs from what the caller knows. With webhooks on, this only reconciles (missed
 * deliveries, downtime), on a slow schedule the caller sets. Every request is conditional, so a
 * poll of unchanged data is answered with 304s only and costs no primary quota.
 */
public final class RunPoller {
  private final GitHubClient client;
  private final PollSettings settings;
  private final Clock clock;
  private final Duration forbiddenCooloff;
  private final Map<String, Instant> blockedRepositories = new ConcurrentHashMap<>();

  /**
   * @param forbiddenCooloff after a 403 (permissions) or a 404 on a repository's listing, it is not
   *     asked again for this long
   */
  public RunPoller(
      GitHubClient client, PollSettings settings, Clock clock, Duration forbiddenCooloff) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.forbiddenCooloff = forbiddenCooloff;
  }

  /**
   * @param known the caller's runs of this repository, by run id
   */
  public PollResult poll(RepositoryTarget target, Map<Long, KnownRun> known)
      throws InterruptedException {
    Instant now = clock.instant();
    Progress progress = new Progress();
    Instant blocked = blockedRepositories.get(target.fullName());
    if (blocked != null && now.isBefore(blocked)) {
      progress.problem =
          new ApiException(
              Kind.FORBIDDEN, 0, target.fullName() + " was refused; not polled", blocked, null);
      return progress.result(target);
    }
    try {
      Map<Long, WorkflowRun> runs = list(target, now, progress);
      refreshUnlisted(target, known, runs, progress);
      Set<Long> changed = new HashSet<>();
      for (WorkflowRun run : runs.values()) {
        KnownRun k = known.get(run.id());
        if (k == null || !k.sameAs(run)) {
          changed.add(run.id());
          progress.runs.add(run);
        }
      }
      jobs(target, runs, known, changed, progress);
    } catch (ApiException e) {
      if (e.kind() == Kind.FORBIDDEN || e.kind() == Kind.NOT_FOUND) {
        blockedRepositories.put(target.fullName(), now.plus(forbiddenCooloff));
      }
      progress.problem = e;
    }
    return progress.result(target);
  }

  private Map<Long, WorkflowRun> list(RepositoryTarget target, Instant now, Progress progress)
      throws ApiException, InterruptedException {
    LocalDate since =
        settings.lookback() == null
            ? null
            : LocalDate.ofInstant(now.minus(settings.lookback()), ZoneOffset.UTC);
    List<String> workflows = target.workflows().isEmpty() ? null : target.workflows();
    Map<Long, WorkflowRun> runs = new LinkedHashMap<>();
    for (String workflow :
        workflows == null ? java.util.Collections.<String>singletonList(null) : workflows) {
      URI first = client.urls().runs(target, workflow, settings.perPage(), since, true);
      Listing<WorkflowRun> listing;
      try {
        listing = progress.count(client.runs(first, settings.maxPages(), target.fullName()));
      } catch (ApiException e) {
        if (workflow == null || e.kind() != Kind.NOT_FOUND) {
          throw e;
        }
        // A workflow renamed or deleted: the others are still polled, and the caller told.
        progress.problem = progress.problem == null ? e : progress.problem;
        continue;
      }
      // A run can show on two pages when new runs push it down between two requests.
      listing.items().forEach(run -> runs.putIfAbsent(run.id(), run));
    }
    return runs;
  }

  /** Known runs still changing that the listing no longer shows (older than its window). */
  private void refreshUnlisted(
      RepositoryTarget target,
      Map<Long, KnownRun> known,
      Map<Long, WorkflowRun> runs,
      Progress progress)
      throws ApiException, InterruptedException {
    List<KnownRun> open =
        known.values().stream()
            .filter(k -> !runs.containsKey(k.runId()))
            .filter(k -> !(k.jobsFinal() && "completed".equals(k.status())))
            .sorted(Comparator.comparingLong(KnownRun::runId).reversed())
            .limit(settings.refreshUnlisted())
            .toList();
    for (KnownRun k : open) {
      try {
        Listing<WorkflowRun> one =
            progress.count(client.run(client.urls().run(target, k.runId()), target.fullName()));
        one.items().forEach(run -> runs.putIfAbsent(run.id(), run));
      } catch (ApiException e) {
        if (e.kind() != Kind.NOT_FOUND && e.kind() != Kind.GONE) {
          throw e; // a deleted run is simply gone; anything else stops the poll
        }
      }
    }
  }

  private void jobs(
      RepositoryTarget target,
      Map<Long, WorkflowRun> runs,
      Map<Long, KnownRun> known,
      Set<Long> changed,
      Progress progress)
      throws ApiException, InterruptedException {
    int listings = 0;
    for (WorkflowRun run : runs.values()) {
      KnownRun k = known.get(run.id());
      if (k != null && k.done(run)) {
        continue;
      }
      List<Integer> attempts = new ArrayList<>(earlierAttempts(run, k));
      attempts.add(0); // 0: the latest attempt
      for (int attempt : attempts) {
        if (listings++ >= settings.maxJobListings()) {
          return;
        }
        URI uri = client.urls().jobs(target, run.id(), attempt, settings.perPage());
        Listing<WorkflowJob> jobs;
        try {
          jobs = progress.count(client.jobs(uri, settings.maxPages(), target.fullName()));
        } catch (ApiException e) {
          if (e.kind() == Kind.NOT_FOUND || e.kind() == Kind.GONE) {
            continue;
          }
          throw e;
        }
        if (jobs.changed() || changed.contains(run.id())) {
          boolean done = jobs.items().stream().allMatch(WorkflowJob::completed);
          int number = attempt == 0 ? run.runAttempt() : attempt;
          progress.jobs.add(new RunJobs(run.id(), number, attempt == 0, jobs.items(), done));
        }
      }
    }
  }

  /** Attempts before the latest whose jobs the caller may not have, the newest few. */
  private List<Integer> earlierAttempts(WorkflowRun run, KnownRun k) {
    int from = 1;
    if (k != null) {
      from = k.jobsFinal() && "completed".equals(k.status()) ? k.runAttempt() + 1 : k.runAttempt();
    }
    List<Integer> attempts = new ArrayList<>();
    int lowest = Math.max(from, run.runAttempt() - settings.maxAttemptBackfill());
    for (int a = lowest; a < run.runAttempt(); a++) {
      attempts.add(a);
    }
    return attempts;
  }

  /** What one poll gathered so far. */
  private static final class Progress {
    final List<WorkflowRun> runs = new ArrayList<>();
    final List<RunJobs> jobs = new ArrayList<>();
    ApiException problem;
    int fetched;
    int notModified;

    <T> Listing<T> count(Listing<T> listing) {
      fetched += listing.fetched();
      notModified += listing.notModified();
      return listing;
    }

    PollResult result(RepositoryTarget target) {
      return new PollResult(target, runs, jobs, problem, fetched, notModified);
    }
  }
}
