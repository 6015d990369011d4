package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.github.WebhookEvent;
import dev.dxexporter.collect.github.WebhookIntake;
import dev.dxexporter.collect.github.WebhookOutcome;
import dev.dxexporter.collect.github.WebhookParser;
import dev.dxexporter.collect.github.WebhookRequest;
import dev.dxexporter.collect.github.WebhookSignature;
import dev.dxexporter.http.Exchange;
import dev.dxexporter.http.RouteHandler;
import dev.dxexporter.store.CiApplied;
import dev.dxexporter.store.CiBatch;
import dev.dxexporter.store.CiJob;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/webhooks/github[?project=P]}: a {@code workflow_run} or {@code workflow_job}
 * delivery, signature checked (HMAC-SHA256, constant time) before anything is parsed, applied to
 * the store in one transaction together with its delivery id, and answered once that is durable:
 * 200 applied or duplicate, 401 unsigned or wrongly signed, 400 unreadable, 503 when the store
 * cannot be written (GitHub may redeliver). The metrics are aggregated afterwards by the project's
 * collector, so the answer comes in milliseconds, far inside GitHub's 10 s.
 */
public final class WebhookHandler implements RouteHandler {
  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

  private final Function<Optional<String>, Optional<CiTarget>> targets;
  private final Supplier<Store> store;
  private final Clock clock;
  private final GitHubCounters counters;

  /** Built on the first delivery, not when the routes are wired: Jackson stays off start-up. */
  private static final class Parser {
    static final WebhookParser INSTANCE = new WebhookParser();
  }

  /**
   * @param targets the named project, or without a name the only project taking webhooks
   */
  public WebhookHandler(
      Function<Optional<String>, Optional<CiTarget>> targets,
      Supplier<Store> store,
      Clock clock,
      GitHubCounters counters) {
    this.targets = targets;
    this.store = store;
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public void handle(Exchange ex) throws IOException {
    Optional<String> name = ex.query("project").map(String::strip);
    Optional<CiTarget> found = targets.apply(name);
    if (found.isEmpty()) {
      ex.respondText(
          404,
          name.map(n -> "project " + n + " takes no GitHub webhooks")
                  .orElse("name the project: ?project=NAME (several projects take webhooks)")
              + "\n");
      return;
    }
    CiTarget target = found.get();
    if (target.secrets().isEmpty()) {
      ex.respondText(503, "the webhook secret of project " + target.project() + " is unset\n");
      return;
    }
    byte[] body;
    try {
      body = ex.bodyBytes(WebhookParser.MAX_PAYLOAD_BYTES);
    } catch (Exchange.BodyTooLargeException e) {
      answer(ex, target, "malformed", 413, e.getMessage());
      return;
    }
    WebhookRequest request =
        new WebhookRequest(
            ex.header("X-GitHub-Event").orElse(null),
            ex.header("X-GitHub-Delivery").orElse(null),
            ex.header("X-Hub-Signature-256").orElse(null),
            ex.header("Content-Type").orElse(null),
            body);
    // Deduplication happens in the store's transaction, so a delivery that failed to store is
    // not remembered as seen and its redelivery is applied.
    WebhookOutcome outcome =
        new WebhookIntake(new WebhookSignature(target.secrets()), Parser.INSTANCE, id -> true)
            .receive(request);
    if (outcome instanceof WebhookOutcome.Unauthorized u) {
      answer(ex, target, "unauthorized", 401, "signature " + u.verdict());
    } else if (outcome instanceof WebhookOutcome.BadRequest b) {
      answer(ex, target, "malformed", 400, b.message());
    } else if (outcome instanceof WebhookOutcome.Accepted a) {
      accepted(ex, target, a);
    } else {
      answer(ex, target, "duplicate", 200, "duplicate");
    }
  }

  private void accepted(Exchange ex, CiTarget target, WebhookOutcome.Accepted accepted)
      throws IOException {
    Instant now = clock.instant();
    CiRecords records = new CiRecords(target.project(), now);
    List<CiRun> runs = List.of();
    List<CiJob> jobs = List.of();
    String repository;
    WebhookEvent event = accepted.event();
    if (event instanceof WebhookEvent.WorkflowRunEvent r) {
      repository = r.run().repository();
      Optional<CiSettings.Repository> repo = target.settings().repository(repository);
      if (repo.isPresent()) {
        runs = List.of(records.run(r.run(), repo.get()));
      }
    } else if (event instanceof WebhookEvent.WorkflowJobEvent j) {
      repository = j.job().repository();
      Optional<CiSettings.Repository> repo = target.settings().repository(repository);
      if (repo.isPresent()) {
        jobs = List.of(records.job(j.job(), repo.get()));
      }
    } else if (event instanceof WebhookEvent.Ping) {
      answer(ex, target, "ping", 200, "pong");
      return;
    } else {
      answer(ex, target, "ignored", 200, "event " + event.name() + " is not used");
      return;
    }
    if (runs.isEmpty() && jobs.isEmpty()) {
      answer(
          ex, target, "unknown_repository", 202, "repository " + repository + " is not configured");
      return;
    }
    CiApplied applied;
    try {
      applied =
          store
              .get()
              .ci()
              .apply(new CiBatch(accepted.deliveryId(), accepted.event().name(), now, runs, jobs));
    } catch (StoreUnavailableException e) {
      answer(ex, target, "store_unavailable", 503, "the store is unavailable: " + e.getMessage());
      return;
    }
    if (applied.duplicate()) {
      answer(ex, target, "duplicate", 200, "duplicate");
      return;
    }
    counters.clamped(target.project(), records.warnings().size());
    records
        .warnings()
        .forEach(
            w ->
                log.info(
                    "project {}: delivery {}: {} {} {} clamped",
                    target.project(),
                    accepted.deliveryId(),
                    w.subject(),
                    w.field(),
                    w.problem()));
    answer(ex, target, "applied", 200, applied.changed() > 0 ? "applied" : "already known");
  }

  private void answer(Exchange ex, CiTarget target, String outcome, int status, String message)
      throws IOException {
    counters.delivery(target.project(), outcome);
    target.refresh().run(); // the collector exports the delivery counters too
    if (status >= 400) {
      log.warn(
          "project {}: GitHub delivery {} refused ({}): {}",
          target.project(),
          ex.header("X-GitHub-Delivery").orElse("(no id)"),
          status,
          message);
    }
    ex.respondText(status, message + "\n");
  }
}
