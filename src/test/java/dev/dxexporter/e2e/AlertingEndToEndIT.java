package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.e2e.PrometheusServer.QueryResult;
import dev.dxexporter.e2e.WebhookReceiver.Delivered;
import dev.dxexporter.ops.RepoFiles;
import dev.dxexporter.ops.RuleFile;
import dev.dxexporter.ops.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real exporter (shaded jar) on fixtures that breach the roadmap lines, scraped by a real
 * Prometheus with the shipped rules, alerting through a real Alertmanager with the shipped example
 * routing into a webhook receiver in this test.
 *
 * <p>Alerts and panels are checked for every metric the exporter produces today (read from
 * Prometheus), so the test grows as collectors land. The rule copy differs from the shipped file
 * only in `for:` ({@link TestConfigs#TEST_FOR}); the real durations are proven by promtool unit
 * tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class AlertingEndToEndIT {
  private static final String JOB = "dx-exporter";
  private static final Duration WAIT = Duration.ofSeconds(90);
  // Just past the roadmap's lines (decimal GB, as the rules count): 10.2 GB breaches the 10 GB
  // alert
  // and the 5/6 GB lines, 5.3 GB misses only the 5 GB target. Kept small because CI machines may
  // have little free disk: together about 14.2 GiB, allocated for the test's duration only.
  private static final long BREACH_CACHE = 10_200_000_000L;
  private static final long TARGET_MISS_CACHE = 5_300_000_000L;
  private static final long DISK_MARGIN = 2 * Fixtures.GIB;

  @TempDir static Path dir;

  private ServerProcess exporter;
  private int exporterPort;
  private WebhookReceiver receiver;
  private AlertmanagerServer alertmanager;
  private PrometheusServer prometheus;
  private Set<String> produced;
  private CiWebhooks ci;

  @BeforeAll
  void startEverything() throws IOException {
    Path jar = Path.of(System.getProperty("dx.jar", "target/dx-exporter.jar"));
    assertThat(jar).as("the shaded jar; run with mvn -Pe2e verify").exists();
    Binaries.prometheus();
    Binaries.alertmanager();
    ci = new CiWebhooks(dir);
    long free = Files.getFileStore(dir).getUsableSpace();
    assertThat(free)
        .as("free bytes on the temp volume for the fallocate'd caches (df %s)", dir)
        .isGreaterThan(BREACH_CACHE + TARGET_MISS_CACHE + DISK_MARGIN);

    Fixtures.cargoWorkspace(dir.resolve("breach"), 80);
    Fixtures.cache(dir.resolve("breach/target"), BREACH_CACHE);
    Fixtures.cargoWorkspace(dir.resolve("target-miss"), 60);
    Fixtures.cache(dir.resolve("target-miss/target"), TARGET_MISS_CACHE);
    Fixtures.cargoWorkspace(dir.resolve("healthy"), 4);
    Fixtures.cargoLock(dir.resolve("healthy"));
    Fixtures.cache(dir.resolve("healthy/target"), 0);
    Fixtures.brokenCargoManifest(dir.resolve("half-broken"));
    Fixtures.npmPackage(dir.resolve("half-broken"));
    Fixtures.cache(dir.resolve("half-broken/target"), 0);
    Fixtures.brokenCargoManifest(dir.resolve("broken"));
    Fixtures.cache(dir.resolve("broken/target"), 0);
    Fixtures.cache(dir.resolve("home/.cargo/registry"), 0);
    Fixtures.junitReport(dir.resolve("slow-tests/target/nextest/ci/junit.xml"), 601);
    Files.createDirectories(dir.resolve("pushed/coverage"));
    Files.writeString(dir.resolve("pushed/coverage/lcov.info"), Fixtures.lcov(9, 10));
    Files.writeString(dir.resolve("push-token"), PUSH_TOKEN + "\n");
    // What a cargo build --timings and sccache --show-stats --stats-format=json leave behind.
    Path build = Path.of("src/test/resources/build");
    Files.createDirectories(dir.resolve("pushed/target/cargo-timings"));
    Files.copy(
        build.resolve("cargo-timings/generated-locally/cargo-1.95.0/cargo-timing.html"),
        dir.resolve("pushed/target/cargo-timings/cargo-timing.html"));
    Files.copy(
        build.resolve("sccache/generated-locally/sccache-0.4.0-pre.6/c-hits-misses.json"),
        dir.resolve("pushed/sccache-stats.json"));
    Path config =
        Files.writeString(
            dir.resolve("dx-exporter.yml"),
            reportProjects()
                + ci.projectConfig()
                + exporterConfig(
                    Map.of(
                        "breach",
                        "[cargo]",
                        "target-miss",
                        "[cargo]",
                        "healthy",
                        "[cargo]",
                        "half-broken",
                        "[cargo, npm]",
                        "broken",
                        "[cargo]")));

    exporterPort = ServerProcess.freePort();
    exporter =
        ServerProcess.start(
            "exporter",
            dir,
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-jar",
                jar.toAbsolutePath().toString(),
                "serve",
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + exporterPort));
    await("exporter ready")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(Http.status(exporterUrl("/-/ready")))
                    .as(exporter.logTail())
                    .isEqualTo(200));
    long readyAt = System.currentTimeMillis();

    receiver = new WebhookReceiver();
    Path amConfig =
        Files.writeString(
            dir.resolve("alertmanager.yml"),
            TestConfigs.dump(TestConfigs.alertmanagerFor(receiver)));
    alertmanager = new AlertmanagerServer(dir, amConfig);
    Path rules =
        Files.writeString(
            dir.resolve("rules.yml"), TestConfigs.dump(TestConfigs.rulesWithShortFor()));
    await("alertmanager ready")
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(alertmanager.ready()).as(alertmanager.logTail()).isTrue());
    prometheus = new PrometheusServer(dir, exporterPort, alertmanager.port, rules);
    await("prometheus ready")
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(prometheus.ready()).as(prometheus.logTail()).isTrue());

    // A scrape after /-/ready holds every collector's first run: what the exporter produces today.
    await("a scrape after the exporter turned ready")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        prometheus
                            .query("timestamp(up{job=\"" + JOB + "\"} == 1) * 1000 > " + readyAt)
                            .result())
                    .as(prometheus.logTail())
                    .isNotEmpty());
    secondSlowTestRun();
    pushReports();
    recordBuilds(jar);
    ci.sendAll(exporterUrl(""));
    // Every CI family scraped (the job and step histograms come last, from the job deliveries).
    await("the webhook deliveries scraped")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        prometheus
                            .query(
                                "dx_ci_step_duration_seconds_count{project=\"%s\"} == %d"
                                    .formatted(CiWebhooks.PROJECT, CiWebhooks.RUNS))
                            .result())
                    .isNotEmpty());
    produced = new TreeSet<>(prometheus.metricNames(JOB));
    System.out.println("[e2e] metric families the exporter produces: " + produced);
  }

  /**
   * One project per entry (name -> ecosystems), each with a `target` cache, all on 5 s schedules.
   */
  private String exporterConfig(Map<String, String> projects) {
    StringBuilder yaml = new StringBuilder();
    projects.forEach(
        (name, ecosystems) ->
            yaml.append(
                """
          - name: %s
            path: %s
            caches:
              - name: target
                path: target
                schedule: 5s
            dependencies:
              schedule: 5s
              ecosystems: %s
        """
                    .formatted(name, dir.resolve(name), ecosystems)));
    return yaml.toString();
  }

  private static final String PUSH_TOKEN = "e2e-push-token";

  /**
   * Projects whose results come as reports: {@code slow-tests} from a file on disk, {@code pushed}
   * from pushes (tests) and from a file and a push (coverage); all on 5 s schedules.
   */
  private String reportProjects() {
    return """
        projects:
          - name: slow-tests
            path: %s
            dependencies: {enabled: false}
            # A per-user cache, shared by every project: no project label, no alert, its own panel.
            caches: [{name: shared-registry, path: %s, schedule: 5s, scope: user}]
            tests:
              schedule: 5s
              reports: [{name: unit, paths: [target/nextest/ci/junit.xml]}]
          - name: pushed
            path: %s
            dependencies: {enabled: false}
            tests: {schedule: 5s, reports: []}
            coverage:
              schedule: 5s
              reports: [{name: lcov, paths: [coverage/lcov.info]}]
            benchmarks: {schedule: 5s, reports: []}
            builds:
              schedule: 5s
              compiler_caches: [{name: sccache, paths: [sccache-stats.json]}]
            push: {token: {file: %s}}
        """
        .formatted(
            dir.resolve("slow-tests"),
            dir.resolve("home/.cargo/registry"),
            dir.resolve("pushed"),
            dir.resolve("push-token"));
  }

  /**
   * DxTestSuiteTimeout pages only on evidence (two runs over the line): the first 601 s run raises
   * the gate warning only; then the discovered report is replaced by a second run of 602 s.
   */
  private void secondSlowTestRun() throws IOException {
    await("the first slow test run scraped")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        prometheus
                            .query("dx_tests_duration_seconds{project=\"slow-tests\"} == 601")
                            .result())
                    .isNotEmpty());
    // One slow run opens a ticket (the gate warning) and pages nobody.
    await("DxTestSuiteSlow delivered for the one slow run")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(receiver.delivered())
                    .anySatisfy(
                        d -> {
                          assertThat(d.label("alertname")).isEqualTo("DxTestSuiteSlow");
                          assertThat(d.label("project")).isEqualTo("slow-tests");
                        }));
    assertThat(prometheus.query("ALERTS{alertname=\"DxTestSuiteTimeout\"}").result()).isEmpty();
    Fixtures.junitReport(dir.resolve("slow-tests/target/nextest/ci/junit.xml"), 602);
  }

  /**
   * Five test runs pushed with a flaky case each; then, once Prometheus has scraped the 90 %
   * coverage found on disk, a pushed coverage report at 50 %.
   */
  private void pushReports() throws IOException {
    for (int run = 1; run <= 5; run++) {
      assertThat(push("project=pushed&report=it&run=" + run, Fixtures.flakyReport(run)))
          .isEqualTo(201);
    }
    await("the discovered coverage scraped")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        prometheus
                            .query("dx_coverage_ratio{project=\"pushed\",kind=\"line\"} == 0.9")
                            .result())
                    .isNotEmpty());
    assertThat(push("project=pushed&report=lcov&run=6", Fixtures.lcov(5, 10))).isEqualTo(201);
    // Real JMH runs (bench/benchmark-regression.sh) on main: unchanged, then 15 % more work.
    Path demo = Path.of("src/test/resources/bench/generated-locally/regression-demo");
    for (String run : List.of("noise", "slower-15pct")) {
      assertThat(
              push(
                  "project=pushed&report=jmh&format=jmh&branch=main&run=" + run,
                  Files.readString(demo.resolve(run + ".json"))))
          .isEqualTo(201);
    }
    // JMH in every mode with the gc profiler: throughput and memory per operation.
    assertThat(
            push(
                "project=pushed&report=jmh-gc&format=jmh&branch=main&run=gc",
                Files.readString(
                    Path.of(
                        "src/test/resources/bench/generated-locally/jmh-1.37/all-modes-gc.json"))))
        .isEqualTo(201);
    await("the pushed benchmark verdict scraped")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        prometheus
                            .query("dx_benchmark_regressed{project=\"pushed\"} == 1")
                            .result())
                    .isNotEmpty());
    await("the pushed coverage scraped")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        prometheus
                            .query("dx_coverage_ratio{project=\"pushed\",kind=\"line\"} == 0.5")
                            .result())
                    .isNotEmpty());
  }

  /**
   * A clean build of 301 s pushed as a record (no test waits five minutes for a real one), and a
   * real incremental build of 1.2 s run and pushed by {@code dx-exporter record} itself.
   */
  private void recordBuilds(Path jar) throws IOException {
    String clean =
        """
        {"build":"release","kind":"clean","started":"2026-12-01T10:00:00Z",
         "duration_seconds":301,"exit_code":0,"signal":0,"peak_rss_bytes":2000000000,
         "cpu_user_seconds":900,"cpu_system_seconds":60,"peak_processes":17}""";
    try {
      assertThat(
              java.net.http.HttpClient.newHttpClient()
                  .send(
                      java.net.http.HttpRequest.newBuilder(
                              java.net.URI.create(exporterUrl("/api/v1/builds?project=pushed")))
                          .header("Authorization", "Bearer " + PUSH_TOKEN)
                          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(clean))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(201);
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
    Command record =
        Command.run(
            dir,
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx64m",
                "-jar",
                jar.toAbsolutePath().toString(),
                "record",
                "--push",
                exporterUrl(""),
                "--project",
                "pushed",
                "--build",
                "dev",
                "--kind",
                "incremental",
                "--",
                "sh",
                "-c",
                "sleep 1.2"),
            Map.of("DX_PUSH_TOKEN", PUSH_TOKEN));
    assertThat(record.exit()).as(record.output()).isZero();
  }

  private int push(String query, String body) throws IOException {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(exporterUrl("/api/v1/reports?" + query)))
                  .header("Authorization", "Bearer " + PUSH_TOKEN)
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  @AfterAll
  void stopEverything() throws IOException {
    for (AutoCloseable c : new AutoCloseable[] {prometheus, alertmanager, receiver, exporter}) {
      try {
        if (c != null) c.close();
      } catch (Exception e) {
        System.err.println("[e2e] close failed: " + e);
      }
    }
    // Free the allocated gigabytes now, whatever happened above.
    Files.deleteIfExists(dir.resolve("breach/target/debug/incremental/blob.bin"));
    Files.deleteIfExists(dir.resolve("target-miss/target/debug/incremental/blob.bin"));
  }

  @Test
  @Order(1)
  void testCopyOfTheRulesDiffersOnlyInFor() {
    Map<String, Object> copy = TestConfigs.rulesWithShortFor();
    Map<String, Object> shipped = Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.RULES)));
    stripFor(copy);
    stripFor(shipped);

    assertThat(copy).isEqualTo(shipped);
  }

  @Test
  @Order(2)
  void exporterIsScrapedAndReportsItsBuild() {
    // The baseline that holds whatever collectors exist: the exporter's own series.
    assertThat(produced).contains("up", "dx_build_info");
    assertThat(prometheus.query("up{job=\"dx-exporter\"} == 1").result()).hasSize(1);
  }

  @Test
  @Order(3)
  void breachingAlertsFireInPrometheusWithTheirLabels() {
    List<ExpectedAlert> expected = producedExpectations();
    System.out.println(
        "[e2e] alerts checked: "
            + expected.size()
            + " of "
            + ExpectedAlert.FROM_FIXTURES.size()
            + "; not yet produced: "
            + missingMetrics());

    await("alerts firing in Prometheus")
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              List<JsonNode> firing =
                  prometheus.alerts().stream()
                      .filter(a -> "firing".equals(a.path("state").asText()))
                      .toList();
              for (ExpectedAlert e : expected) {
                assertThat(firing)
                    .as("%s for %s\n%s", e.alertname(), e.project(), prometheus.logTail())
                    .anySatisfy(a -> assertLabels(a.path("labels"), e));
              }
            });
  }

  @Test
  @Order(4)
  void breachingAlertsArriveAtTheirSeverityReceiverWithAnnotations() {
    RuleFile rules = RuleFile.shipped();
    for (ExpectedAlert e : producedExpectations()) {
      if (e.inhibited()) continue;
      await(e.alertname() + " for " + e.project() + " delivered")
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(receiver.delivered())
                      .as(alertmanager.logTail())
                      .anySatisfy(
                          d -> {
                            assertThat(d.path()).isEqualTo(e.receiver());
                            assertThat(d.receiver()).isEqualTo(e.receiver().substring(1));
                            assertThat(d.status()).isEqualTo("firing");
                            assertLabels(d.alert().path("labels"), e);
                            assertAnnotations(d, rules.alert(e.alertname()));
                          }));
    }
  }

  @Test
  @Order(5)
  void lowerTiersAreInhibitedWhileAHigherOneFires() {
    List<ExpectedAlert> inhibited =
        producedExpectations().stream().filter(ExpectedAlert::inhibited).toList();
    for (ExpectedAlert e : inhibited) {
      await(e.alertname() + " for " + e.project() + " suppressed")
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(alertmanager.alerts())
                      .anySatisfy(
                          a -> {
                            assertLabels(a.path("labels"), e);
                            assertThat(a.path("status").path("state").asText())
                                .isEqualTo("suppressed");
                            assertThat(a.path("status").path("inhibitedBy")).isNotEmpty();
                          }));
      assertThat(receiver.delivered()).noneSatisfy(d -> assertLabels(d.alert().path("labels"), e));
    }
  }

  @Test
  @Order(6)
  void healthyProjectsAndCollectorsFireNothing() {
    // By now every expected alert has fired (tests 3-5), so the rules have been evaluated many
    // times
    // over the healthy series; give them a few more evaluations past the test `for:` anyway.
    sleep(Duration.ofSeconds(5));

    // Every alert pending or firing in Prometheus, and every alert delivered, is one the fixtures
    // were
    // built to raise: nothing for the healthy project, no exporter-health alert for good
    // collectors.
    assertThat(prometheus.query("ALERTS").result())
        .allSatisfy(a -> assertThat(isExpected(a.path("metric"))).as(a.toString()).isTrue());
    assertThat(receiver.delivered())
        .allSatisfy(
            d -> assertThat(isExpected(d.alert().path("labels"))).as(d.toString()).isTrue());
    assertThat(prometheus.query("ALERTS{project=\"healthy\"}").result()).isEmpty();
  }

  private static boolean isExpected(JsonNode labels) {
    return ExpectedAlert.FROM_FIXTURES.stream()
        .anyMatch(
            e ->
                e.alertname().equals(labels.path("alertname").asText())
                    && e.project().equals(labels.path("project").asText())
                    && e.subject().equals(labels.path(e.subjectLabel()).asText()));
  }

  @Test
  @Order(7)
  void everyPanelQueryRunsAndReturnsDataForTheMetricsProduced() {
    List<PanelQuery> queries = PanelQuery.shipped();
    List<PanelQuery> withData =
        queries.stream().filter(q -> produced.containsAll(familiesOf(q))).toList();
    System.out.println(
        "[e2e] panel queries: " + queries.size() + ", over produced metrics: " + withData.size());

    for (PanelQuery q : queries) {
      QueryResult r = prometheus.query(q.expr());
      assertThat(r.status())
          .as("%s: %s -> %s", q.where(), q.expr(), r.error())
          .isEqualTo("success");
    }
    assertThat(withData).isNotEmpty();
    // The dashboards of the sources built so far are fed entirely by this run.
    assertThat(queries)
        .filteredOn(
            q ->
                Stream.of(
                        "dx-build-performance",
                        "dx-test-performance",
                        "dx-benchmarks",
                        "dx-ci-performance")
                    .anyMatch(q.where()::contains))
        .as("panels over metrics this run does not produce")
        .allMatch(withData::contains);
    // Recording rules and increase() need a few evaluations and samples: poll.
    await("panel queries return data")
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (PanelQuery q : withData) {
                assertThat(prometheus.query(q.expr()).result())
                    .as("%s: %s", q.where(), q.expr())
                    .isNotEmpty();
              }
            });
  }

  @Test
  @Order(8)
  void aRefusedReloadFiresDxConfigReloadFailedUntilAReloadSucceeds() throws Exception {
    Path config = dir.resolve("dx-exporter.yml");
    String good = Files.readString(config);
    RuleFile rules = RuleFile.shipped();
    String instance = "127.0.0.1:" + exporterPort;
    try {
      Files.writeString(config, good + "    colour: red\n");
      assertThat(post(exporterUrl("/-/reload")).statusCode()).isEqualTo(500);

      await("DxConfigReloadFailed delivered")
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(receiver.delivered())
                      .as(alertmanager.logTail())
                      .anySatisfy(
                          d -> {
                            assertThat(d.label("alertname")).isEqualTo("DxConfigReloadFailed");
                            assertThat(d.path()).isEqualTo("/ticket");
                            assertThat(d.status()).isEqualTo("firing");
                            assertThat(d.label("severity")).isEqualTo("warning");
                            assertThat(d.label("instance")).isEqualTo(instance);
                            assertAnnotations(d, rules.alert("DxConfigReloadFailed"));
                          }));
      // The refused reload changed nothing: the breach alerts still fire.
      assertThat(prometheus.query("ALERTS{alertstate=\"firing\", project=\"breach\"}").result())
          .isNotEmpty();
    } finally {
      Files.writeString(config, good);
    }
    assertThat(post(exporterUrl("/-/reload")).statusCode()).isEqualTo(200);
    await("DxConfigReloadFailed resolved")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(prometheus.query("ALERTS{alertname=\"DxConfigReloadFailed\"}").result())
                    .isEmpty());
  }

  private static java.net.http.HttpResponse<String> post(String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(9)
  void exporterHealthAlertFiresWhenTheExporterStops() {
    exporter.close();
    RuleFile rules = RuleFile.shipped();
    String instance = "127.0.0.1:" + exporterPort;

    await("DxExporterDown delivered")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(receiver.delivered())
                    .as(alertmanager.logTail())
                    .anySatisfy(
                        d -> {
                          assertThat(d.label("alertname")).isEqualTo("DxExporterDown");
                          assertThat(d.path()).isEqualTo("/ticket");
                          assertThat(d.status()).isEqualTo("firing");
                          assertThat(d.label("severity")).isEqualTo("warning");
                          assertThat(d.label("job")).isEqualTo(JOB);
                          assertThat(d.label("instance")).isEqualTo(instance);
                          assertAnnotations(d, rules.alert("DxExporterDown"));
                        }));
    // Prometheus marks the exporter's series stale: the breach alerts resolve rather than fire on.
    if (!producedExpectations().isEmpty()) {
      await("breach alerts resolved")
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(prometheus.query("ALERTS{project=\"breach\"}").result()).isEmpty());
    }
  }

  private List<ExpectedAlert> producedExpectations() {
    return ExpectedAlert.FROM_FIXTURES.stream().filter(e -> produced.contains(e.metric())).toList();
  }

  private Set<String> missingMetrics() {
    Set<String> missing = new TreeSet<>();
    ExpectedAlert.FROM_FIXTURES.stream()
        .map(ExpectedAlert::metric)
        .filter(m -> !produced.contains(m))
        .forEach(missing::add);
    return missing;
  }

  /**
   * Metric families as Prometheus names them: a histogram's family is read through its
   * _bucket/_sum/_count.
   */
  private Set<String> familiesOf(PanelQuery q) {
    Set<String> families = new TreeSet<>();
    for (String m : q.metrics()) {
      boolean histogramPart = !produced.contains(m) && produced.contains(m + "_bucket");
      families.add(histogramPart ? m + "_bucket" : m);
    }
    return families;
  }

  private static void assertLabels(JsonNode labels, ExpectedAlert e) {
    RuleFile.Rule rule = RuleFile.shipped().alert(e.alertname());
    assertThat(labels.path("alertname").asText()).isEqualTo(e.alertname());
    assertThat(labels.path("project").asText()).isEqualTo(e.project());
    assertThat(labels.path(e.subjectLabel()).asText()).isEqualTo(e.subject());
    assertThat(labels.path("severity").asText()).isEqualTo(rule.labels().get("severity"));
    assertThat(labels.path("objective").asText()).isEqualTo(rule.labels().get("objective"));
    assertThat(labels.path("job").asText()).isEqualTo(JOB);
  }

  /**
   * Annotations as the rule templates them: static text verbatim, labels filled in, values
   * humanized.
   */
  private static void assertAnnotations(Delivered d, RuleFile.Rule rule) {
    assertThat(d.alert().path("annotations").size()).isEqualTo(rule.annotations().size());
    assertThat(d.annotation("summary")).isEqualTo(rule.annotations().get("summary"));
    assertThat(d.annotation("runbook_url")).isEqualTo(rule.annotations().get("runbook_url"));
    assertThat(d.annotation("description"))
        .matches(templateRegex(rule.annotations().get("description"), d));
  }

  private static Pattern templateRegex(String template, Delivered d) {
    Matcher m =
        Pattern.compile("\\{\\{\\s*(\\$labels\\.(\\w+)|\\$value[^}]*)\\s*}}").matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(
          m.group(2) != null
              ? Pattern.quote(Objects.requireNonNull(d.label(m.group(2)), m.group(2)))
              : "[-0-9.]+[a-zA-Z%]*[ 0-9a-z]*");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }

  @SuppressWarnings("unchecked")
  private static void stripFor(Map<String, Object> rules) {
    for (Object group : Yaml.list(rules.get("groups"))) {
      for (Object rule : Yaml.list(Yaml.map(group).get("rules"))) {
        ((Map<String, Object>) rule).remove("for");
        ((Map<String, Object>) rule).remove("keep_firing_for");
      }
    }
  }

  private String exporterUrl(String path) {
    return "http://127.0.0.1:" + exporterPort + path;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
