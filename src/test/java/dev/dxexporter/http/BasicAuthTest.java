package dev.dxexporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthTest {
  /** exporter-toolkit web/testdata/web_config_users_noTLS.good.yml: alice / alice123. */
  static final String ALICE = "$2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby";

  private final List<String> compared = new ArrayList<>();

  private BasicAuth recording() {
    return new BasicAuth(
        Map.of("alice", ALICE),
        (password, hash) -> {
          compared.add(hash);
          return password.equals("alice123") && hash.equals(ALICE);
        });
  }

  @Test
  void unknownUsersCostABcryptComparisonAgainstTheFakeHash() {
    BasicAuth auth = recording();

    assertThat(auth.verify(new BasicAuth.Credentials("mallory", "alice123"))).isFalse();
    assertThat(auth.verify(new BasicAuth.Credentials("alice", "wrong"))).isFalse();

    assertThat(compared).containsExactly(BasicAuth.FAKE_HASH, ALICE);
  }

  @Test
  void resultsAreCachedPerUserHashAndPassword() {
    BasicAuth auth = recording();
    for (int i = 0; i < 3; i++) {
      assertThat(auth.verify(new BasicAuth.Credentials("alice", "alice123"))).isTrue();
      assertThat(auth.verify(new BasicAuth.Credentials("alice", "nope"))).isFalse();
      assertThat(auth.verify(new BasicAuth.Credentials("bob", "alice123"))).isFalse();
    }

    assertThat(compared).hasSize(3);
  }

  @Test
  void realBcryptVerifiesTheToolkitsY2Hash() {
    BasicAuth auth = new BasicAuth(Map.of("alice", ALICE));

    assertThat(auth.verify(new BasicAuth.Credentials("alice", "alice123"))).isTrue();
    assertThat(auth.verify(new BasicAuth.Credentials("alice", "alice1234"))).isFalse();
    assertThat(auth.verify(new BasicAuth.Credentials("alice", "x".repeat(100)))).isFalse();
    // exporter-toolkit's fake hash is bcrypt("fakepassword"); it must never let anyone in.
    assertThat(auth.verify(new BasicAuth.Credentials("ghost", "fakepassword"))).isFalse();
  }

  @Test
  void parsesBasicAuthorizationHeaders() {
    String token =
        Base64.getEncoder().encodeToString("al:ice:pa:ss".getBytes(StandardCharsets.UTF_8));

    assertThat(BasicAuth.parse("Basic " + token))
        .contains(new BasicAuth.Credentials("al", "ice:pa:ss"));
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
