package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dxexporter.Main;
import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.daemon.BuildInfo;
import dev.dxexporter.daemon.Daemon;
import dev.dxexporter.daemon.Services;
import dev.dxexporter.http.ListenAddress;
import dev.dxexporter.store.BuildRun;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter's page in real headless Chromium: a fixture project (a Cargo workspace declaring 3
 * distinct dependencies, its own dependency levels, a build cache, a cache directory that does not
 * exist, four recorded clean builds of 120, 100, 95 and 80 s in the store) shows its card with the
 * values the fixture holds and a trend; screenshots at desktop and phone width are kept under
 * {@code target/page-screenshots/}.
 */
class LandingPageChromiumIT {
  private static final Path SHOTS = Path.of("target/page-screenshots");
  private static final double[] CLEAN_BUILDS = {120, 100, 95, 80};

  @TempDir Path tmp;
  private Daemon daemon;

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(5));
    }
  }

  private Path project() throws Exception {
    Path p = Files.createDirectories(tmp.resolve("shop/crates/core")).getParent().getParent();
    Files.writeString(p.resolve("Cargo.toml"), "[workspace]\nmembers = [\"crates/*\"]\n");
    Files.writeString(
        p.resolve("crates/core/Cargo.toml"),
        "[package]\nname = \"core\"\nversion = \"0.1.0\"\n"
            + "[dependencies]\nserde = \"1\"\ntokio = \"1\"\nclap = \"4\"\n");
    Path target = Files.createDirectories(p.resolve("target/debug"));
    Files.write(target.resolve("lib.rlib"), new byte[4096]);
    return p;
  }

  private void recordBuilds(Path storage) {
    try (Store store = SqliteStore.open(storage, StoreSettings.defaults())) {
      Instant t = Instant.now().minus(Duration.ofHours(4));
      for (int i = 0; i < CLEAN_BUILDS.length; i++) {
        Instant at = t.plus(Duration.ofHours(i));
        store.saveBuild(
            new ReportMeta("shop", "builds", "b" + i, "release", "record", "main", null, null, at),
            new BuildRun("release", "clean", at, CLEAN_BUILDS[i], 0, 0, 1 << 20, 1, 1, 1));
      }
    }
  }

  private String start(Path project, Path storage) throws Exception {
    Path config = tmp.resolve("dx.yml");
    Files.writeString(
        config,
        """
        projects:
          - name: shop
            path: %s
            caches:
              - {name: target, path: target}
              - {name: sccache, path: no-such-cache}
            dependencies: {}
            builds: {}
            objectives:
              dependencies: {target: 2, gate: 5}
        """
            .formatted(project));
    ConfigLoader loader = new ConfigLoader(Main.sources(), tmp, Map.of());
    daemon =
        Daemon.start(
            BuildInfo.load(),
            Main.sources(),
            loader.load(config),
            () -> loader.load(config),
            Daemon.Web.none(),
            new Daemon.Options(
                List.of(ListenAddress.parse("127.0.0.1:0")), "/metrics", 2, Duration.ofSeconds(5)),
            new Services(
                Clock.systemUTC(),
                2,
                java.util.Optional.of(new Services.Storage(storage, StoreSettings.defaults()))));
    return "http://127.0.0.1:" + daemon.ports().get(0);
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void thePageShowsTheCardWithTrendsAtDesktopAndPhoneWidth() throws Exception {
    Path storage = tmp.resolve("data");
    recordBuilds(storage);
    String base = start(project(), storage);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                get(base + "/").contains("<svg class=\"spark\"")
                    && get(base + "/-/ready").startsWith("Ready"));

    // The project's own levels and the score as series, for the rules and Grafana.
    String metrics = get(base + "/metrics");
    assertThat(metrics)
        .contains(
            "dx_objective_threshold{level=\"gate\",objective=\"dependencies\",project=\"shop\"} 5.0")
        .contains(
            "dx_objective_threshold{level=\"target\",objective=\"clean_build\",project=\"shop\"} 90.0")
        .contains("dx_objective_met{objective=\"dependencies\",project=\"shop\"} 0.0")
        .contains("dx_objective_met{objective=\"clean_build\",project=\"shop\"} 1.0")
        .contains("dx_score_objectives{project=\"shop\",state=\"no_data\"}")
        .containsPattern("dx_score\\{project=\"shop\"\\} \\d");

    Chromium chromium = new Chromium(Files.createDirectories(tmp.resolve("chromium")));
    String dom = chromium.dumpDom(base + "/", 1280, 900);

    // The rows as the fixture makes them: 3 dependencies against the project's own 2 / 5.
    assertThat(dom)
        .containsPattern(
            "<tr class=\"off_target\" data-objective=\"dependencies\"><th scope=\"row\">Dependencies"
                + "</th><td data-label=\"Current\" class=\"num\">3</td><td data-label=\"Target\">&lt; 2</td>"
                + "<td data-label=\"Gate\">&lt; 5</td><td data-label=\"Gap\" class=\"num\">1"
                + "</td><td data-label=\"Status\" class=\"status\"><span class=\"badge off_target\">▲ off target</span>")
        // The latest clean build, 80 s, under the 90 s target; its trend of the four builds.
        .containsPattern(
            "data-objective=\"clean_build\"><th scope=\"row\">Clean build</th><td data-label=\"Current\" class=\"num\">80"
                + " s</td>.*?✔ met.*?aria-label=\"last 4 runs of Clean build, from 2 min to 80 s\"")
        .containsPattern("data-objective=\"ci_success_rate\">.*?no data</td>.*?– no data")
        .contains("Project path: <code>" + tmp.resolve("shop") + "</code>")
        // The cache directory that does not exist is absent, not ok.
        .containsPattern("<tr class=\"absent\"><td>shop</td><td>cache:sccache</td><td>absent</td>")
        .contains("<time datetime=\"");
    assertThat(dom).doesNotContain("http://", "https://").doesNotContain("<script");

    for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
      Path png = SHOTS.resolve("landing-" + size[0] + "x" + size[1] + ".png");
      Files.deleteIfExists(png);
      chromium.screenshot(base + "/", size[0], size[1], png);
      assertThat(Chromium.pngSize(png)).containsExactly(size[0], size[1]);
      assertThat(Files.size(png)).isGreaterThan(5_000);
    }
  }
}
