package dev.dxexporter.collect.github;

import dev.dxexporter.collect.bench.Regression;
import dev.dxexporter.collect.build.CargoTimingsReader;
import dev.dxexporter.collect.github.ReplayServer.Reply;
import dev.dxexporter.ingest.BenchmarkIngester;
import dev.dxexporter.ingest.CoverageIngester;
import dev.dxexporter.ingest.TestIngester;
import dev.dxexporter.ingest.ci.ArtifactIngest;
import dev.dxexporter.ingest.ci.ArtifactReaders;
import dev.dxexporter.ingest.ci.CiSettings;
import dev.dxexporter.store.CiBatch;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finished runs in a real store whose artifacts a replay server lists and serves (zips made by the
 * test), and the real {@link ArtifactIngest} that fetches them: the artifact half of a poll.
 */
final class ArtifactRuns implements AutoCloseable {
  static final String REPO = "octo/test";
  static final Instant START = Instant.parse("2024-06-01T12:00:00Z");

  final ClientHarness h;
  final ReplayServer storage;
  final Store store;
  final CiSettings.Repository repository =
      new CiSettings.Repository(RepositoryTarget.of(REPO, List.of(), null), Optional.of("main"));
  private long nextArtifact = 100;

  ArtifactRuns(Path dir) throws IOException {
    h = new ClientHarness(START);
    storage = ReplayServer.start();
    store = SqliteStore.open(dir, StoreSettings.defaults());
  }

  /** A finished run of {@code sha} on main, whose artifacts (name to zip) are served. */
  void run(long runId, String sha, String conclusion, Map<String, byte[]> artifacts) {
    Instant created = START.minus(Duration.ofHours(1)).plusSeconds(runId);
    CiRun run =
        new CiRun(
            "p",
            REPO,
            runId,
            1,
            "CI",
            "main",
            sha,
            "default",
            "completed",
            conclusion,
            created,
            created.plusSeconds(10),
            created.plusSeconds(300),
            "https://github.com/" + REPO + "/actions/runs/" + runId,
            "9-" + runId);
    store.ci().apply(new CiBatch(null, "poll", START, List.of(run), List.of()));
    List<String> listed = new ArrayList<>();
    for (Map.Entry<String, byte[]> a : artifacts.entrySet()) {
      long id = nextArtifact++;
      listed.add(
          """
          {"id": %d, "name": "%s", "size_in_bytes": %d, "expired": false,
           "archive_download_url": "https://api.github.com/repos/%s/actions/artifacts/%d/zip",
           "created_at": "2024-06-01T11:59:00Z", "expires_at": "2024-08-30T11:59:00Z"}"""
              .formatted(id, a.getKey(), a.getValue().length, REPO, id));
      String blob = storage.base() + "/blob/" + id;
      h.server.on(
          "/repos/" + REPO + "/actions/artifacts/" + id + "/zip",
          new Reply(302, Map.of("Location", List.of(blob)), new byte[0]));
      storage.on(
          "/blob/" + id,
          new Reply(200, Map.of("Content-Type", List.of("application/zip")), a.getValue()));
    }
    h.server.on(
        "/repos/" + REPO + "/actions/runs/" + runId + "/artifacts",
        Reply.json(
            200,
            "{\"total_count\": %d, \"artifacts\": [%s]}"
                .formatted(listed.size(), String.join(",", listed))));
  }

  /** Fetches and ingests the artifacts of the stored runs, as a poll does. */
  void ingest(List<String> patterns) throws InterruptedException {
    new ArtifactIngest(
            () -> new ArtifactFetcher(h.client, new ArtifactFilter(patterns), ZipLimits.defaults()),
            new ArtifactReaders(
                new TestIngester(1 << 24),
                new CoverageIngester(1 << 24),
                new BenchmarkIngester(1 << 24, new Regression()),
                new CargoTimingsReader()),
            () -> store,
            h.clock)
        .fetch("p", repository, store.ci());
  }

  @Override
  public void close() {
    store.close();
    h.close();
    storage.close();
  }
}
