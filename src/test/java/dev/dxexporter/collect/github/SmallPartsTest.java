package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Link headers, API bases, repository names, the token bucket. */
class SmallPartsTest {
  @Test
  void linkHeaderNext() {
    assertThat(
            next(
                "<https://api.github.com/repositories/1/actions/runs?page=2&per_page=1>; rel=\"next\", "
                    + "<https://api.github.com/repositories/1/actions/runs?page=3&per_page=1>; rel=\"last\""))
        .isEqualTo(
            URI.create("https://api.github.com/repositories/1/actions/runs?page=2&per_page=1"));
    assertThat(next("<https://a/x?page=1>; rel=\"prev\", <https://a/x?page=1>; rel=\"first\""))
        .isNull();
    assertThat(next("<https://a/x?page=2>; rel=next")).isEqualTo(URI.create("https://a/x?page=2"));
    assertThat(next("<https://a/x?page=2>; title=\"n\"; rel=\"last next\""))
        .isEqualTo(URI.create("https://a/x?page=2"));
    assertThat(next("<https://a/x?created=%3E%3D2024-01-01,b&page=2>; rel=\"next\""))
        .isEqualTo(URI.create("https://a/x?created=%3E%3D2024-01-01,b&page=2"));
    assertThat(LinkHeader.next(HttpHeaders.of(Map.of(), (a, b) -> true))).isNull();
  }

  @Test
  void apiBases() {
    assertThat(ClientSettings.defaults(URI.create("https://api.github.com/")).apiBase())
        .isEqualTo(URI.create("https://api.github.com"));
    ClientSettings ghes = ClientSettings.defaults(URI.create("https://ghe.example.com/api/v3/"));
    assertThat(new ApiUrls(ghes.apiBase()).run(RepositoryTarget.of("a/b", List.of(), null), 7))
        .isEqualTo(URI.create("https://ghe.example.com/api/v3/repos/a/b/actions/runs/7"));
    assertThatThrownBy(() -> ClientSettings.defaults(URI.create("api.github.com")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void repositoryNames() {
    assertThat(RepositoryTarget.of("rust-lang/rust", List.of("ci.yml"), "").branch()).isNull();
    for (String bad : List.of("a", "a/b/c", "../x", "a/..", "a/b c", "a/b?x")) {
      assertThatThrownBy(() -> RepositoryTarget.of(bad, List.of(), null))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> RepositoryTarget.of("a/b", List.of("../x.yml"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenBucket() {
    TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
    RequestBudget budget = new RequestBudget(3600, 3, clock);
    assertThat(budget.tryAcquire()).isTrue();
    assertThat(budget.tryAcquire()).isTrue();
    assertThat(budget.tryAcquire()).isTrue();
    assertThat(budget.tryAcquire()).isFalse();
    assertThat(budget.nextAvailable()).isEqualTo(clock.instant().plusSeconds(1));
    clock.advance(Duration.ofMillis(2500));
    assertThat(budget.available()).isEqualTo(2);
    clock.advance(Duration.ofHours(5));
    assertThat(budget.available()).isEqualTo(3); // never more than the burst
    budget.refund();
    assertThat(budget.available()).isEqualTo(3);
  }

  private static URI next(String link) {
    return LinkHeader.next(HttpHeaders.of(Map.of("link", List.of(link)), (a, b) -> true));
  }
}
