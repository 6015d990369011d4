package dev.dxexporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dxexporter.http.BasicAuth.Credentials;
import dev.dxexporter.http.BasicAuth.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BasicAuthTest {
  /** exporter-toolkit web/testdata/web_config_users_noTLS.good.yml: alice / alice123. */
  static final String ALICE = "$2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby";

  private static final String FAKE = "fake-hash";
  private final List<String> compared = Collections.synchronizedList(new ArrayList<>());

  private BasicAuth recording(int permits) {
    return new BasicAuth(
        Map.of("alice", ALICE),
        (password, hash) -> {
          compared.add(hash);
          return password.equals("alice123") && hash.equals(ALICE);
        },
        permits,
        FAKE);
  }

  @Test
  void unknownUsersCostABcryptComparisonAgainstTheFakeHash() {
    BasicAuth auth = recording(2);

    assertThat(auth.verify(new Credentials("mallory", "alice123"))).isEqualTo(Outcome.DENIED);
    assertThat(auth.verify(new Credentials("alice", "wrong"))).isEqualTo(Outcome.DENIED);

    assertThat(compared).containsExactly(FAKE, ALICE);
  }

  @Test
  void successesAndFailuresAreCachedPerUserHashAndPassword() {
    BasicAuth auth = recording(2);
    for (int i = 0; i < 3; i++) {
      assertThat(auth.verify(new Credentials("alice", "alice123"))).isEqualTo(Outcome.ALLOWED);
      assertThat(auth.verify(new Credentials("alice", "nope"))).isEqualTo(Outcome.DENIED);
      assertThat(auth.verify(new Credentials("bob", "alice123"))).isEqualTo(Outcome.DENIED);
    }

    assertThat(compared).hasSize(3);
  }

  @Test
  void aFloodOfWrongPasswordsNeverEvictsACachedSuccess() {
    BasicAuth auth = recording(2);
    assertThat(auth.verify(new Credentials("alice", "alice123"))).isEqualTo(Outcome.ALLOWED);

    for (int i = 0; i < 5 * BasicAuth.FAILURE_CACHE_SIZE; i++) {
      assertThat(auth.verify(new Credentials(i % 2 == 0 ? "alice" : "u" + i, "wrong" + i)))
          .isEqualTo(Outcome.DENIED);
    }
    compared.clear();

    assertThat(auth.verify(new Credentials("alice", "alice123"))).isEqualTo(Outcome.ALLOWED);
    assertThat(compared).as("answered from the cache, no bcrypt").isEmpty();
  }

  @Test
  void checksBeyondThePermitsAreRefusedAtOnceWhileCachedSuccessesPass() throws Exception {
    CountDownLatch inBcrypt = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BasicAuth auth =
        new BasicAuth(
            Map.of("alice", ALICE),
            (password, hash) -> {
              if (password.equals("slow")) {
                inBcrypt.countDown();
                await(release);
              }
              return password.equals("alice123");
            },
            1,
            FAKE);
    assertThat(auth.verify(new Credentials("alice", "alice123"))).isEqualTo(Outcome.ALLOWED);
    CompletableFuture<Outcome> slow =
        CompletableFuture.supplyAsync(() -> auth.verify(new Credentials("alice", "slow")));
    assertThat(inBcrypt.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(auth.verify(new Credentials("alice", "other"))).isEqualTo(Outcome.BUSY);
    assertThat(auth.verify(new Credentials("ghost", "x"))).isEqualTo(Outcome.BUSY);
    assertThat(auth.verify(new Credentials("alice", "alice123"))).isEqualTo(Outcome.ALLOWED);

    release.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.DENIED);
    assertThat(auth.verify(new Credentials("alice", "other"))).isEqualTo(Outcome.DENIED);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theFakeHashTakesTheCostMostUsersHave() {
    String cost4 = hash(4, "a");
    String cost5 = hash(5, "b");

    assertThat(FakeHash.cost(List.of(ALICE, cost5, ALICE))).isEqualTo(12);
    assertThat(FakeHash.cost(List.of(cost4, cost5))).as("the higher on a tie").isEqualTo(5);
    assertThat(FakeHash.cost(List.of())).isEqualTo(10);
    assertThat(FakeHash.matching(List.of("$2y$10$" + "x".repeat(53)))).isEqualTo(FakeHash.TOOLKIT);

    BasicAuth auth = BasicAuth.of(Map.of("carl", cost4, "dora", hash(4, "d")));
    assertThat(auth.fakeHash()).startsWith("$2y$04$").hasSize(60);
    assertThat(auth.verify(new Credentials("carl", "a"))).isEqualTo(Outcome.ALLOWED);
    assertThat(auth.verify(new Credentials("nobody", "a"))).isEqualTo(Outcome.DENIED);
  }

  private static String hash(int cost, String password) {
    return new String(
        BCrypt.with(BCrypt.Version.VERSION_2Y).hash(cost, password.toCharArray()),
        StandardCharsets.UTF_8);
  }

  @Test
  void refusalsAreLoggedAtMostOncePerIntervalWithoutThePassword() {
    Logger logger = (Logger) LoggerFactory.getLogger("test.failed-logins");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    AtomicLong now = new AtomicLong();
    FailedLoginLog failed = new FailedLoginLog(logger, now::get, Duration.ofSeconds(10));

    failed.refused("alice", "10.0.0.1", "bad login");
    for (int i = 0; i < 50; i++) {
      now.addAndGet(Duration.ofMillis(100).toNanos());
      failed.refused("mallory", "10.0.0.2", "bad login");
    }
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    failed.refused("bob", "10.0.0.3", "bad login");

    List<String> lines = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines)
        .containsExactly(
            "basic auth refused: bad login user=alice remote=10.0.0.1",
            "basic auth refused: bad login user=bob remote=10.0.0.3"
                + " (50 more refused since the last line)");
    logger.detachAppender(events);
  }

  @Test
  void realBcryptVerifiesTheToolkitsY2Hash() {
    BasicAuth auth = BasicAuth.of(Map.of("alice", ALICE));

    assertThat(FakeHash.costOf(auth.fakeHash())).isEqualTo(12);
    assertThat(auth.verify(new Credentials("alice", "alice123"))).isEqualTo(Outcome.ALLOWED);
    assertThat(auth.verify(new Credentials("alice", "alice1234"))).isEqualTo(Outcome.DENIED);
    assertThat(auth.verify(new Credentials("alice", "x".repeat(100)))).isEqualTo(Outcome.DENIED);
    BasicAuth toolkitCost = BasicAuth.of(Map.of());
    // exporter-toolkit's fake hash is bcrypt("fakepassword"); it must never let anyone in.
    assertThat(toolkitCost.verify(new Credentials("ghost", "fakepassword")))
        .isEqualTo(Outcome.DENIED);
  }

  @Test
  void parsesBasicAuthorizationHeaders() {
    String token =
        Base64.getEncoder().encodeToString("al:ice:pa:ss".getBytes(StandardCharsets.UTF_8));

    assertThat(BasicAuth.parse("Basic " + token)).contains(new Credentials("al", "ice:pa:ss"));
    assertThat(BasicAuth.parse("basic " + token)).isPresent();
    assertThat(BasicAuth.parse("Bearer " + token)).isEmpty();
    assertThat(BasicAuth.parse("Basic !!!")).isEmpty();
    assertThat(
            BasicAuth.parse(
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("nocolon".getBytes(StandardCharsets.UTF_8))))
        .isEmpty();
    assertThat(BasicAuth.parse(null)).isEmpty();
  }
}
