package dev.dxexporter.collect.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.testing.SharedCorpus;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanner's figures equal GNU du's and find's on the same trees. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuEqualityTest {
  private static final Duration NO_LIMIT = Duration.ofMinutes(2);
  private static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");

  private Path work;
  private Path tree;
  private CacheScanner scanner;

  @BeforeAll
  void buildTree() throws Exception {
    work = Files.createTempDirectory("dx-cache-du");
    tree = work.resolve("tree");
    Random random = new Random(42);
    TestTrees.plainFiles(tree.resolve("plain"), random, 60);
    TestTrees.hardLinks(tree.resolve("hardlinks"));
    TestTrees.linkLeavingTree(tree.resolve("link-leaving"), work.resolve("outside"));
    TestTrees.sparseFiles(tree.resolve("sparse"));
    TestTrees.deepNesting(tree.resolve("deep"));
    TestTrees.symlinks(tree.resolve("symlinks"));
    TestTrees.emptyDirectories(tree.resolve("empty-dirs"));
    TestTrees.oddNames(tree.resolve("odd-names"));
    TestTrees.wide(tree.resolve("wide"), 1500, 200);
    TestTrees.random(tree.resolve("random"), 7, 2500);
    // Half the plain files are old: the stale figure has something to find.
    TestTrees.touchAll(tree.resolve("plain"), OLD);
    scanner = new CacheScanner();
  }

  @AfterAll
  void removeTree() throws Exception {
    scanner.close();
    Shell.removeTree(work);
  }

  static Stream<String> parts() {
    return Stream.of(
        "plain",
        "hardlinks",
        "link-leaving",
        "sparse",
        "deep",
        "symlinks",
        "empty-dirs",
        "odd-names",
        "wide",
        "random",
        ".");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parts")
  void bytesAndCountsEqualDuAndFind(String part) throws Exception {
    Path root = tree.resolve(part).normalize();
    CacheScan scan = scanner.scan(root, Instant.now(), NO_LIMIT);
    assertMatchesDu(scan, GnuDu.of(root));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 8})
  void anyParallelismGivesTheSameFigures(int parallelism) throws Exception {
    try (CacheScanner own = new CacheScanner(parallelism)) {
      assertMatchesDu(own.scan(tree, Instant.now(), NO_LIMIT), GnuDu.of(tree));
    }
  }

  @Test
  void realFixtureTree() throws Exception {
    // A checked-out tree nobody generated: the test resources (real ggen manifests and locks,
    // non-ASCII directory names, a few hundred directories). Read only.
    Path resources = Path.of("src", "test", "resources");
    CacheScan scan = scanner.scan(resources, Instant.now(), NO_LIMIT);
    assertMatchesDu(scan, GnuDu.of(resources));
  }

  @Test
  void sharedFixtureCorpus() throws Exception {
    // The larger optional corpus beside the clone (about 1,200 files of CI tool output). Read only.
    Path fixtures = SharedCorpus.require("fixtures");
    CacheScan scan = scanner.scan(fixtures, Instant.now(), NO_LIMIT);
    assertMatchesDu(scan, GnuDu.of(fixtures));
  }

  @Test
  void staleBytesEqualDuOfTheFilesFindCallsOld() throws Exception {
    Instant staleBefore = OLD.plus(Duration.ofDays(1));
    CacheScan scan = scanner.scan(tree, staleBefore, NO_LIMIT);
    long expected = GnuDu.staleBytes(tree, staleBefore);
    assertThat(expected).isPositive();
    assertThat(scan.staleBytes()).isEqualTo(expected);
  }

  @Test
  void everythingIsStaleWhenTheStaleInstantIsInTheFuture() throws Exception {
    Instant future = Instant.now().plus(Duration.ofDays(1));
    CacheScan scan = scanner.scan(tree, future, NO_LIMIT);
    assertThat(scan.staleBytes()).isEqualTo(GnuDu.staleBytes(tree, future));
  }

  @Test
  void newestFileTimeEqualsFinds() throws Exception {
    CacheScan scan = scanner.scan(tree, Instant.now(), NO_LIMIT);
    BigDecimal expected = GnuDu.newestMtime(tree);
    Instant newest = scan.newestFileModified().orElseThrow();
    BigDecimal actual =
        BigDecimal.valueOf(newest.getEpochSecond()).add(BigDecimal.valueOf(newest.getNano(), 9));
    // find prints 10 fractional digits of a nanosecond timestamp: compare to the nanosecond.
    assertThat(actual.subtract(expected).abs()).isLessThan(new BigDecimal("0.000000001"));
  }

  @Test
  void noNewestFileInATreeWithoutFiles() throws Exception {
    CacheScan scan = scanner.scan(tree.resolve("empty-dirs"), Instant.now(), NO_LIMIT);
    assertThat(scan.newestFileModified()).isEmpty();
    assertThat(scan.files()).isZero();
  }

  @Test
  void aFileAsRootIsMeasuredLikeDu() throws Exception {
    Path file = tree.resolve("sparse/holes");
    assertMatchesDu(scanner.scan(file, Instant.now(), NO_LIMIT), GnuDu.of(file));
  }

  @Test
  void aSymlinkedRootIsFollowedLikeDuDashH() throws Exception {
    Path link = work.resolve("root-link");
    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, tree.resolve("plain"));
    }
    CacheScan scan = scanner.scan(link, Instant.now(), NO_LIMIT);
    long duH =
        Long.parseLong(
            Shell.run(java.util.List.of("du", "-sH", "--block-size=1", link.toString()), true)
                .trim()
                .split("\\s+")[0]);
    assertThat(scan.allocatedBytes()).isEqualTo(duH);
  }

  private static void assertMatchesDu(CacheScan scan, GnuDu du) {
    assertThat(scan.errorSamples()).isEmpty();
    assertThat(scan.errors()).isZero();
    assertThat(scan.rootExists()).isTrue();
    assertThat(scan.allocatedBytes()).as("du -s --block-size=1").isEqualTo(du.allocatedBytes());
    assertThat(scan.apparentBytes()).as("du -sb").isEqualTo(du.apparentBytes());
    assertThat(scan.directories()).as("find -type d").isEqualTo(du.directories());
    assertThat(scan.files()).as("find ! -type d").isEqualTo(du.nonDirectories());
  }
}
