package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.github.ReplayServer.Reply;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Artifacts of a completed run: the listing (shaped after the REST docs' example for {@code GET
 * /repos/{o}/{r}/actions/runs/{id}/artifacts}; no recording has one), downloads through a 302 to a
 * storage host on another port, zips made in the test.
 */
class ArtifactFetcherTest {
  private static final RepositoryTarget OCTO = RepositoryTarget.of("octo/test", List.of(), null);
  private ClientHarness h;
  private ReplayServer storage;

  @BeforeEach
  void start() throws Exception {
    h = new ClientHarness(Instant.parse("2024-06-01T12:00:00Z"));
    storage = ReplayServer.start();
    h.server.on(
        "/repos/octo/test/actions/runs/42/artifacts",
        Reply.json(
            200,
            """
        {"total_count": 6, "artifacts": [
          %s, %s, %s, %s, %s, %s
        ]}"""
                .formatted(
                    artifact(11, "junit-linux", 2_000, false),
                    artifact(12, "coverage", 900, false),
                    artifact(13, "build-logs", 50_000, false),
                    artifact(14, "junit-old", 1_000, true),
                    artifact(15, "junit-huge", 10_000_000_000L, false),
                    artifact(16, "junit-bomb", 70_000, false)),
            "ETag",
            "W/\"artifacts-42\""));
    serve(11, ArtifactReaderTest.reports());
    Map<String, byte[]> hostile = new LinkedHashMap<>();
    hostile.put("../../home/runner/.ssh/authorized_keys", "ssh-ed25519 AAAA".getBytes());
    serve(12, Zips.of(hostile));
    serve(16, Zips.bomb("junit.xml", 64L << 20));
  }

  @AfterEach
  void stop() {
    h.close();
    storage.close();
  }

  @Test
  void matchingArtifactsAreStreamedAndTheTokenStaysWithTheApi() throws Exception {
    ArtifactFetcher fetcher =
        new ArtifactFetcher(
            h.client, new ArtifactFilter(List.of("junit-*", "coverage")), ZipLimits.defaults());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    ArtifactReport report =
        fetcher.fetch(
            OCTO,
            42,
            (artifact, name, in) -> entries.put(artifact.name() + "!" + name, in.readAllBytes()));

    assertThat(report.problem()).isNull();
    assertThat(entries.keySet())
        .containsExactly(
            "junit-linux!reports/nextest/fixture-project-junit.xml",
            "junit-linux!minimal-attributes.xml");
    assertThat(entries.get("junit-linux!minimal-attributes.xml"))
        .isEqualTo(GitHubFixtures.bytes(ArtifactReaderTest.MINIMAL));
    assertThat(report.read()).extracting(r -> r.artifact().id()).containsExactly(11L);
    assertThat(report.skipped())
        .extracting(s -> s.artifact().id(), s -> s.reason().split(":")[0].split(" \\(")[0])
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(12L, "artifact-12"),
            org.assertj.core.groups.Tuple.tuple(14L, "expired"),
            org.assertj.core.groups.Tuple.tuple(15L, "larger"),
            org.assertj.core.groups.Tuple.tuple(16L, "artifact-16"));
    assertThat(report.skipped().get(0).reason()).contains("path traversal");
    assertThat(report.skipped().get(3).reason()).contains("zip bomb");

    List<String> apiPaths = h.server.requests().stream().map(ReplayServer.Seen::path).toList();
    assertThat(apiPaths)
        .containsExactly(
            "/repos/octo/test/actions/runs/42/artifacts",
            "/repos/octo/test/actions/artifacts/11/zip",
            "/repos/octo/test/actions/artifacts/12/zip",
            "/repos/octo/test/actions/artifacts/16/zip");
    assertThat(h.server.requests())
        .allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer t0k3n"));
    assertThat(storage.requests())
        .extracting(ReplayServer.Seen::path)
        .containsExactly("/blob/11", "/blob/12", "/blob/16");
    assertThat(storage.requests())
        .allSatisfy(
            r -> {
              assertThat(r.header("authorization")).isNull();
              assertThat(r.query()).startsWith("sig=");
            });
  }

  @Test
  void anExpiredDownloadIsSkippedAndTheListingIsConditional() throws Exception {
    h.server.replace(
        "/repos/octo/test/actions/artifacts/11/zip",
        Reply.json(410, "{\"message\":\"Artifact has expired\"}"));
    ArtifactFetcher fetcher =
        new ArtifactFetcher(
            h.client, new ArtifactFilter(List.of("junit-linux")), ZipLimits.defaults());
    ArtifactReport first = fetcher.fetch(OCTO, 42, (a, n, in) -> {});
    assertThat(first.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).startsWith("gone"));
    fetcher.fetch(OCTO, 42, (a, n, in) -> {});
    assertThat(h.server.requests().get(2).status()).isEqualTo(304);
  }

  @Test
  void aStorageErrorSkipsThatArtifactOnly() throws Exception {
    storage.replace("/blob/11", Reply.json(403, "<Error>AuthenticationFailed</Error>"));
    ArtifactReport report =
        new ArtifactFetcher(h.client, new ArtifactFilter(List.of("junit-*")), ZipLimits.defaults())
            .fetch(OCTO, 42, (a, n, in) -> in.readAllBytes());
    assertThat(report.problem()).isNull();
    assertThat(report.skipped())
        .extracting(s -> s.artifact().id())
        .containsExactly(11L, 14L, 15L, 16L);
    assertThat(report.skipped().get(0).reason()).contains("answered 403");
  }

  @Test
  void noPatternDownloadsNothing() throws Exception {
    ArtifactReport report =
        new ArtifactFetcher(h.client, new ArtifactFilter(List.of()), ZipLimits.defaults())
            .fetch(OCTO, 42, (a, n, in) -> {});
    assertThat(report.read()).isEmpty();
    assertThat(report.skipped()).isEmpty();
    assertThat(h.server.requests()).hasSize(1);
  }

  @Test
  void globs() {
    ArtifactFilter filter =
        new ArtifactFilter(List.of("junit-*", "coverage", "bench-?", "cargo.timings"));
    assertThat(filter.matches("junit-")).isTrue();
    assertThat(filter.matches("junit-ubuntu-latest")).isTrue();
    assertThat(filter.matches("JUnit-x")).isFalse();
    assertThat(filter.matches("coverage")).isTrue();
    assertThat(filter.matches("coverage-html")).isFalse();
    assertThat(filter.matches("bench-1")).isTrue();
    assertThat(filter.matches("bench-12")).isFalse();
    assertThat(filter.matches("cargo.timings")).isTrue();
    assertThat(filter.matches("cargoXtimings")).isFalse();
    assertThat(filter.matches(null)).isFalse();
  }

  private void serve(long id, byte[] zip) {
    String blob = storage.base() + "/blob/" + id + "?sig=abc" + id;
    h.server.on(
        "/repos/octo/test/actions/artifacts/" + id + "/zip",
        new Reply(302, Map.of("Location", List.of(blob)), new byte[0]));
    storage.on(
        "/blob/" + id, new Reply(200, Map.of("Content-Type", List.of("application/zip")), zip));
  }

  private String artifact(long id, String name, long size, boolean expired) {
    return """
        {"id": %d, "node_id": "MDg6QXJ0aWZhY3QxMQ==", "name": "%s", "size_in_bytes": %d,
         "url": "https://api.github.com/repos/octo/test/actions/artifacts/%d",
         "archive_download_url": "https://api.github.com/repos/octo/test/actions/artifacts/%d/zip",
         "expired": %b, "created_at": "2024-05-31T14:59:22Z", "expires_at": "2024-08-29T14:59:22Z",
         "updated_at": "2024-05-31T14:59:22Z"}"""
        .formatted(id, name, size, id, id, expired);
  }
}
