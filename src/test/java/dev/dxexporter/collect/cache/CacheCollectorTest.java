package dev.dxexporter.collect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.MetricType;
import dev.dxexporter.metrics.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The collector's samples: names, labels and values, the values taken from du, find and df. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheCollectorTest {
  private static final Duration STALE_AFTER = Duration.ofDays(7);

  private Path work;
  private Path target;
  private Clock clock;
  private CacheScanner scanner;
  private FilesystemUsage filesystems;

  @BeforeAll
  void setUp() throws Exception {
    work = Files.createTempDirectory("dx-cache-collector");
    target = work.resolve("target");
    TestTrees.random(target.resolve("debug"), 11, 1500);
    TestTrees.hardLinks(target.resolve("debug/incremental"));
    TestTrees.plainFiles(target.resolve("release"), new Random(3), 40);
    clock =
        Clock.fixed(
            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), ZoneOffset.UTC);
    TestTrees.touchAll(target.resolve("release"), clock.instant().minus(Duration.ofDays(30)));
    scanner = new CacheScanner();
    filesystems = new FilesystemUsage();
  }

  @AfterAll
  void tearDown() throws Exception {
    scanner.close();
    Shell.removeTree(work);
  }

  private CacheCollector collector(Path path, Duration timeLimit) {
    return new CacheCollector(
        "demo", "cargo-target", path, STALE_AFTER, timeLimit, scanner, filesystems, clock);
  }

  @Test
  void samplesCarryDuFindAndDfFigures() throws Exception {
    List<Sample> samples = collector(target, Duration.ofMinutes(1)).collect();
    Map<String, Sample> byName = byName(samples);
    GnuDu du = GnuDu.of(target);

    assertThat(byName.keySet())
        .containsExactlyInAnyOrderElementsOf(
            CacheMetrics.ALL.stream().map(MetricFamily::name).toList());
    assertThat(samples)
        .allSatisfy(
            s ->
                assertThat(s.labels())
                    .isEqualTo(
                        Map.of("project", "demo", "cache", "cargo-target", "scope", "project")));
    assertThat(value(byName, "dx_cache_present")).isEqualTo(1);
    assertThat(value(byName, "dx_cache_size_bytes")).isEqualTo(du.allocatedBytes());
    assertThat(value(byName, "dx_cache_apparent_size_bytes")).isEqualTo(du.apparentBytes());
    assertThat(value(byName, "dx_cache_files")).isEqualTo(du.nonDirectories());
    assertThat(value(byName, "dx_cache_directories")).isEqualTo(du.directories());
    assertThat(value(byName, "dx_cache_scan_errors")).isZero();
    assertThat(value(byName, "dx_cache_scan_complete")).isEqualTo(1);
    long stale = GnuDu.staleBytes(target, clock.instant().minus(STALE_AFTER));
    assertThat(stale).isPositive().isLessThan(du.allocatedBytes());
    assertThat(value(byName, "dx_cache_stale_bytes")).isEqualTo(stale);
    assertThat(((Sample.Scalar) byName.get("dx_cache_newest_file_timestamp_seconds")).value())
        .isCloseTo(GnuDu.newestMtime(target).doubleValue(), within(1e-6));

    long[] df = df(target);
    assertThat(value(byName, "dx_filesystem_size_bytes")).isEqualTo(df[0]);
    // Other builds on this machine write to the same disk between the two readings.
    assertThat(value(byName, "dx_filesystem_avail_bytes")).isCloseTo(df[1], within(2_000_000_000L));
  }

  @Test
  void aUserCacheIsExportedWithoutTheProjectLabelSoItCannotBeSummedPerProject() throws Exception {
    List<Sample> samples =
        new CacheCollector(
                "demo",
                "maven-repository",
                target,
                STALE_AFTER,
                Duration.ofMinutes(1),
                false,
                CacheScope.USER,
                () -> scanner,
                () -> filesystems,
                clock)
            .collect();
    assertThat(samples)
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.labels())
                    .isEqualTo(Map.of("cache", "maven-repository", "scope", "user")));
    assertThat(value(byName(samples), "dx_cache_size_bytes"))
        .isEqualTo(GnuDu.of(target).allocatedBytes());
  }

  @Test
  void aMissingCacheIsPresentZeroNotAFailure() throws Exception {
    Map<String, Sample> byName =
        byName(collector(work.resolve("not-built-yet"), Duration.ofMinutes(1)).collect());
    assertThat(value(byName, "dx_cache_present")).isZero();
    assertThat(value(byName, "dx_cache_size_bytes")).isZero();
    assertThat(value(byName, "dx_cache_files")).isZero();
    assertThat(value(byName, "dx_cache_scan_errors")).isZero();
    assertThat(byName).doesNotContainKey("dx_cache_newest_file_timestamp_seconds");
    // The volume it would live on is still reported.
    assertThat(value(byName, "dx_filesystem_size_bytes")).isEqualTo(df(work)[0]);
  }

  @Test
  void aScanOverTheTimeLimitFailsTheCollectorWithAClearMessage() {
    assumeTrue(Files.isDirectory(Path.of("/usr")), "/usr is the large tree this test scans");
    assertThatThrownBy(() -> collector(Path.of("/usr"), Duration.ofMillis(5)).collect())
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("cargo-target")
        .hasMessageContaining("demo")
        .hasMessageContaining("/usr")
        .hasMessageContaining("PT0.005S")
        .hasMessageContaining("stopped after");
  }

  @Test
  void familiesFollowTheNamingRules() {
    assertThat(CacheMetrics.ALL)
        .allSatisfy(
            f -> {
              assertThat(f.name()).startsWith("dx_");
              assertThat(f.type()).isEqualTo(MetricType.GAUGE);
              assertThat(f.help()).endsWith("Refreshed on the collector's schedule.");
            });
    assertThat(CacheMetrics.ALL).extracting(MetricFamily::name).doesNotHaveDuplicates();
  }

  private static Map<String, Sample> byName(List<Sample> samples) {
    return samples.stream().collect(Collectors.toMap(s -> s.family().name(), Function.identity()));
  }

  private static long value(Map<String, Sample> byName, String name) {
    assertThat(byName).containsKey(name);
    return (long) ((Sample.Scalar) byName.get(name)).value();
  }

  /** Size and available bytes as df reports them. */
  private static long[] df(Path path) throws Exception {
    String[] lines =
        Shell.run(List.of("df", "-B1", "--output=size,avail", path.toString()), true)
            .trim()
            .split("\n");
    String[] fields = lines[lines.length - 1].trim().split("\\s+");
    return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
  }
}
