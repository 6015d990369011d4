package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.github.ApiException.Kind;
import dev.dxexporter.collect.github.ReplayServer.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, backoff, bad credentials and the shared budget, against scripted responses. */
class ThrottlingTest {
  private static final Instant START = Instant.parse("2024-06-01T12:00:00Z");
  private static final String RUNS = "/repos/octo/test/actions/runs";
  private static final Reply OK = Reply.json(200, "{\"total_count\":0,\"workflow_runs\":[]}");
  private static final RepositoryTarget OCTO = RepositoryTarget.of("octo/test", List.of(), null);
  private ClientHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new ClientHarness(START);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void primaryLimitExhaustedWaitsForTheResetWithoutAskingAgain() throws Exception {
    long reset = START.getEpochSecond() + 3600;
    h.server.on(
        RUNS,
        Reply.json(
            403,
            "{\"message\":\"API rate limit exceeded for user ID 1.\"}",
            "x-ratelimit-limit",
            "5000",
            "x-ratelimit-remaining",
            "0",
            "x-ratelimit-reset",
            String.valueOf(reset)),
        OK);
    ApiException first = list();
    assertThat(first.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(first.retryAt()).isEqualTo(Instant.ofEpochSecond(reset));
    assertThat(h.clock.sleeps).isEmpty();
    ApiException second = list();
    assertThat(second.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(h.server.requests()).hasSize(1);
    assertThat(h.client.stats().snapshot().refusedLocally()).isEqualTo(2);
    assertThat(h.client.rateLimit().snapshot().remaining()).isZero();

    h.clock.advance(Duration.ofSeconds(3601));
    assertThat(runs().items()).isEmpty();
    assertThat(h.server.requests()).hasSize(2);
  }

  @Test
  void aShortPrimaryWaitIsSleptThrough() throws Exception {
    h.server.on(
        RUNS,
        Reply.json(
            429,
            "{\"message\":\"API rate limit exceeded\"}",
            "x-ratelimit-remaining",
            "0",
            "x-ratelimit-reset",
            String.valueOf(START.getEpochSecond() + 30)),
        OK);
    runs();
    assertThat(h.clock.sleeps).containsExactly(Duration.ofSeconds(30));
    assertThat(h.server.requests()).hasSize(2);
    assertThat(h.client.stats().snapshot().throttledSeconds()).isEqualTo(30.0);
  }

  @Test
  void secondaryLimitWaitsAtLeastAMinuteThenLonger() throws Exception {
    Reply secondary =
        Reply.json(
            403,
            "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}",
            "x-ratelimit-remaining",
            "4000");
    h.server.on(RUNS, secondary, OK);
    runs();
    assertThat(h.clock.sleeps).containsExactly(Duration.ofMinutes(1));

    // Twice in a row: the second wait (two minutes) is longer than the client sleeps inline.
    h.server.replace(RUNS, secondary, secondary, OK);
    h.clock.sleeps.clear();
    h.server.clearLog();
    ApiException e = list();
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(h.clock.sleeps).containsExactly(Duration.ofMinutes(1));
    assertThat(e.retryAt()).isEqualTo(h.clock.instant().plus(Duration.ofMinutes(2)));
  }

  @Test
  void retryAfterIsObeyed() throws Exception {
    h.server.on(RUNS, Reply.json(429, "{}", "Retry-After", "5"), OK);
    runs();
    assertThat(h.clock.sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoffAndJitter() throws Exception {
    Reply bad = Reply.json(502, "{\"message\":\"Server Error\"}");
    h.server.on(RUNS, bad, bad, OK);
    runs();
    assertThat(h.server.requests()).hasSize(3);
    assertThat(h.clock.sleeps).hasSize(2);
    assertThat(h.clock.sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(h.clock.sleeps.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    assertThat(h.client.stats().snapshot().requestsByStatus())
        .containsEntry(502, 2L)
        .containsEntry(200, 1L);

    h.server.replace(RUNS, bad);
    h.server.clearLog();
    h.clock.sleeps.clear();
    assertThat(list().kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(h.server.requests()).hasSize(4);
    assertThat(h.clock.sleeps).hasSize(3);
    assertThat(h.clock.sleeps.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
  }

  @Test
  void noResponseIsRetriedThenReported() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port);
    ClientSettings d = ClientSettings.defaults(closed);
    GitHubClient client =
        new GitHubClient(
            GitHubClient.newHttpClient(Duration.ofSeconds(2)),
            d,
            () -> "t",
            new RequestBudget(4000, 100, h.clock),
            h.clock,
            h.clock.sleeper(),
            new Random(1));
    assertThatThrownBy(
            () -> client.runs(client.urls().runs(OCTO, null, 100, null, false), 1, "octo/test"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK));
    assertThat(client.stats().snapshot().networkErrors()).isEqualTo(4);
    assertThat(h.clock.sleeps).hasSize(3);
  }

  @Test
  void badCredentialsStopUntilTheTokenChanges() throws Exception {
    h.server.on(RUNS, Reply.json(401, "{\"message\":\"Bad credentials\"}"));
    ApiException e = list();
    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(e.getMessage()).contains("Bad credentials");
    for (int i = 0; i < 5; i++) {
      assertThat(list().kind()).isEqualTo(Kind.UNAUTHORIZED);
    }
    assertThat(h.server.requests()).hasSize(1);

    h.token.set("n3w-t0k3n");
    h.server.replace(RUNS, OK);
    runs();
    assertThat(h.server.requests()).hasSize(2);
    assertThat(h.server.requests().get(1).header("authorization")).isEqualTo("Bearer n3w-t0k3n");
  }

  @Test
  void theSameTokenIsTriedAgainAfterTheCooloff() throws Exception {
    h.server.on(RUNS, Reply.json(401, "{\"message\":\"Bad credentials\"}"), OK);
    list();
    h.clock.advance(Duration.ofMinutes(59));
    list();
    assertThat(h.server.requests()).hasSize(1);
    h.clock.advance(Duration.ofMinutes(2));
    runs();
    assertThat(h.server.requests()).hasSize(2);
  }

  @Test
  void missingPermissionsAreNotRetried() throws Exception {
    h.server.on(
        RUNS,
        Reply.json(
            403,
            "{\"message\":\"Resource not accessible by personal access token\"}",
            "x-ratelimit-remaining",
            "4990"));
    ApiException e = list();
    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(h.server.requests()).hasSize(1);
    assertThat(h.clock.sleeps).isEmpty();
  }

  @Test
  void theBudgetIsSharedAndRefusesBeyondItsRate() throws Exception {
    try (ClientHarness tight = new ClientHarness(START, 3600, 2)) {
      tight.server.on(RUNS, OK);
      tight.server.on("/repos/octo/other/actions/runs", OK);
      RepositoryTarget other = RepositoryTarget.of("octo/other", List.of(), null);
      RunPoller poller = tight.poller(new PollSettings(100, 1, null, 0, 0, 0));
      assertThat(poller.poll(OCTO, java.util.Map.of()).complete()).isTrue();
      assertThat(poller.poll(other, java.util.Map.of()).complete()).isTrue();
      PollResult refused = poller.poll(OCTO, java.util.Map.of());
      assertThat(refused.problem().kind()).isEqualTo(Kind.BUDGET_EXHAUSTED);
      assertThat(refused.problem().retryAt()).isEqualTo(START.plusSeconds(1));
      assertThat(tight.server.requests()).hasSize(2);
      tight.clock.advance(Duration.ofSeconds(1));
      assertThat(poller.poll(OCTO, java.util.Map.of()).complete()).isTrue();
    }
  }

  @Test
  void conditionalRequestsAnsweredNotModifiedGiveTheirTokenBack() throws Exception {
    try (ClientHarness tight = new ClientHarness(START, 1, 1)) {
      tight.server.on(RUNS, Reply.json(200, "{\"workflow_runs\":[]}", "ETag", "\"e1\""));
      RunPoller poller = tight.poller(new PollSettings(100, 1, null, 0, 0, 0));
      assertThat(poller.poll(OCTO, java.util.Map.of()).complete()).isTrue();
      // One token an hour, already spent: a new request would be refused, a 304 is not.
      tight.budget.refund();
      for (int i = 0; i < 20; i++) {
        assertThat(poller.poll(OCTO, java.util.Map.of()).notModified()).isEqualTo(1);
      }
      assertThat(tight.budget.available()).isEqualTo(1);
    }
  }

  @Test
  void lowRemainingQuotaStopsAtTheReserve() throws Exception {
    long reset = START.getEpochSecond() + 1800;
    h.server.on(
        RUNS,
        Reply.json(
            200,
            "{\"workflow_runs\":[]}",
            "x-ratelimit-limit",
            "5000",
            "x-ratelimit-remaining",
            "50",
            "x-ratelimit-reset",
            String.valueOf(reset)));
    runs();
    ApiException e = list();
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAt()).isEqualTo(Instant.ofEpochSecond(reset));
    assertThat(h.server.requests()).hasSize(1);
  }

  @Test
  void aResponseOverTheSizeLimitIsRefused() throws Exception {
    ClientSettings d = h.settings();
    ClientSettings small =
        new ClientSettings(
            d.apiBase(),
            d.userAgent(),
            d.requestTimeout(),
            64,
            d.maxRetries(),
            d.backoffBase(),
            d.backoffCap(),
            d.maxInlineWait(),
            d.reserve(),
            d.credentialCooloff());
    GitHubClient client =
        new GitHubClient(
            GitHubClient.newHttpClient(Duration.ofSeconds(5)),
            small,
            () -> "t",
            new RequestBudget(4000, 100, h.clock),
            h.clock,
            h.clock.sleeper(),
            new Random(1));
    h.server.on(
        RUNS, Reply.json(200, "{\"workflow_runs\":[" + "{\"id\":1},".repeat(50) + "{\"id\":2}]}"));
    assertThatThrownBy(
            () -> client.runs(client.urls().runs(OCTO, null, 100, null, false), 1, "octo/test"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE))
        .hasMessageContaining("larger than the limit of 64 bytes");
  }

  @Test
  void retryAfterAsAnHttpDate() {
    var headers =
        java.net.http.HttpHeaders.of(
            java.util.Map.of("retry-after", List.of("Sat, 01 Jun 2024 12:02:00 GMT")),
            (a, b) -> true);
    assertThat(Throttle.retryAfter(headers, START)).isEqualTo(START.plusSeconds(120));
  }

  private Listing<WorkflowRun> runs() throws ApiException, InterruptedException {
    return h.client.runs(h.client.urls().runs(OCTO, null, 100, null, false), 1, "octo/test");
  }

  private ApiException list() {
    try {
      runs();
    } catch (ApiException e) {
      return e;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("expected an ApiException");
  }
}
