package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.CiStore;
import dev.dxexporter.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One project's GitHub Actions metrics, from the store (what webhooks and polls put there): the
 * aggregation half of "store first, aggregate after". Runs on its schedule and whenever the webhook
 * route stored something new; a scrape only reads its last samples.
 */
public final class CiCollector implements Collector {
  /** Run attempts and jobs read back per run; retention keeps the store itself bounded. */
  static final int HISTORY_LIMIT = 10_000;

  private final String project;
  private final CiSettings settings;
  private final Supplier<Store> store;
  private final Clock clock;
  private final GitHubCounters counters;

  public CiCollector(
      String project,
      CiSettings settings,
      Supplier<Store> store,
      Clock clock,
      GitHubCounters counters) {
    this.project = project;
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public List<Sample> collect() {
    Instant now = clock.instant();
    CiStore ci = store.get().ci();
    List<Sample> samples =
        new ArrayList<>(
            new CiSamples(project, settings, now)
                .of(
                    ci.runs(project, Instant.EPOCH, HISTORY_LIMIT),
                    ci.jobs(project, Instant.EPOCH, HISTORY_LIMIT),
                    ci.runCounts(project)));
    samples.addAll(counters.samples(project));
    return samples;
  }
}
