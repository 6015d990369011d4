package dev.dxexporter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded build runs in the real SQLite store: once per identity, latest per name and kind. */
class BuildStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  @TempDir Path dir;

  private static ReportMeta meta(String identity, String name, Instant received) {
    return new ReportMeta("app", "builds", identity, name, "record", "main", "c1", "r1", received);
  }

  private static BuildRun run(String name, String kind, double seconds, int exit) {
    return new BuildRun(name, kind, T0, seconds, exit, 0, 1L << 30, seconds * 1.5, 0.2, 12);
  }

  @Test
  void aRunIsStoredOnceAndTheLatestOfEachNameAndKindIsShown() {
    try (Store store = SqliteStore.open(dir, StoreSettings.defaults())) {
      BuildRun first = run("release", "clean", 310.5, 0);
      assertThat(store.saveBuild(meta("a", "release", T0), first)).isEqualTo(SaveOutcome.STORED);
      assertThat(store.saveBuild(meta("a", "release", T0), first)).isEqualTo(SaveOutcome.DUPLICATE);
      store.saveBuild(meta("b", "release", T0.plusSeconds(60)), run("release", "clean", 290, 1));
      store.saveBuild(
          meta("c", "release", T0.plusSeconds(30)), run("release", "incremental", 4.2, 0));
      store.saveBuild(meta("d", "debug", T0.plusSeconds(90)), run("debug", "incremental", 1.1, 0));
    }
    // Reopened: what was saved is there, from disk.
    try (Store store = SqliteStore.open(dir, StoreSettings.defaults())) {
      List<StoredBuild> latest = store.latestBuilds("app");
      assertThat(latest)
          .extracting(b -> b.run().name() + "/" + b.run().kind() + "=" + b.run().durationSeconds())
          .containsExactly(
              "debug/incremental=1.1", "release/clean=290.0", "release/incremental=4.2");
      StoredBuild clean = latest.get(1);
      assertThat(clean.run().exitCode()).isEqualTo(1);
      assertThat(clean.run().succeeded()).isFalse();
      assertThat(clean.run().peakRssBytes()).isEqualTo(1L << 30);
      assertThat(clean.commit()).contains("c1");
      assertThat(clean.received()).isEqualTo(T0.plusSeconds(60));
      assertThat(store.buildHistory("app", 10))
          .extracting(b -> b.run().durationSeconds())
          .containsExactly(310.5, 4.2, 290.0, 1.1);
      assertThat(store.buildHistory("app", 2))
          .extracting(b -> b.run().durationSeconds())
          .containsExactly(290.0, 1.1);
      assertThat(store.latestBuilds("other")).isEmpty();
      assertThat(store.stats().rowCounts()).containsEntry("build_run", 4L);
    }
  }

  @Test
  void retentionDeletesOldRunsButTheLatestOfEachNameAndKind() {
    try (Store store =
        SqliteStore.open(dir, StoreSettings.defaults().withRetention(Duration.ofDays(30)))) {
      store.saveBuild(meta("old", "release", T0), run("release", "clean", 100, 0));
      store.saveBuild(meta("new", "release", T0.plusSeconds(10)), run("release", "clean", 200, 0));
      store.saveBuild(meta("lone", "debug", T0), run("debug", "clean", 50, 0));
      store.applyRetention(T0.plus(Duration.ofDays(31)));
      assertThat(store.buildHistory("app", 10))
          .extracting(b -> b.run().durationSeconds())
          .containsExactly(50.0, 200.0);
    }
  }

  @Test
  void figuresNoBuildCouldHaveAreRefused() {
    assertThatThrownBy(() -> run("x", "nightly", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clean or incremental");
    assertThatThrownBy(() -> run("x", "clean", Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run("x", "clean", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run("x", "clean", 1, 300))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
