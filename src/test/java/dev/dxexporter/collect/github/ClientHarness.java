package dev.dxexporter.collect.github;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/** A client wired to a replay server, a test clock and a recording sleeper. */
final class ClientHarness implements AutoCloseable {
  final ReplayServer server;
  final TestClock clock;
  final AtomicReference<String> token = new AtomicReference<>("t0k3n");
  final RequestBudget budget;
  final GitHubClient client;

  ClientHarness(Instant start) throws IOException {
    this(start, 4000, 1000);
  }

  ClientHarness(Instant start, int perHour, int burst) throws IOException {
    this.server = ReplayServer.start();
    this.clock = new TestClock(start);
    this.budget = new RequestBudget(perHour, burst, clock);
    this.client =
        new GitHubClient(
            GitHubClient.newHttpClient(Duration.ofSeconds(5)),
            settings(),
            token::get,
            budget,
            clock,
            clock.sleeper(),
            new Random(42));
  }

  ClientSettings settings() {
    ClientSettings d = ClientSettings.defaults(server.base());
    return new ClientSettings(
        d.apiBase(),
        d.userAgent(),
        Duration.ofSeconds(10),
        d.maxResponseBytes(),
        d.maxRetries(),
        d.backoffBase(),
        d.backoffCap(),
        d.maxInlineWait(),
        d.reserve(),
        d.credentialCooloff());
  }

  RunPoller poller(PollSettings settings) {
    return new RunPoller(client, settings, clock, Duration.ofHours(1));
  }

  @Override
  public void close() {
    server.close();
  }
}
