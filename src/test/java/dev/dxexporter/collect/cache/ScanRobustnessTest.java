package dev.dxexporter.collect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Missing roots, unreadable and vanishing entries, time limits, interrupts, concurrent callers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanRobustnessTest {
  private static final Duration LIMIT = Duration.ofMinutes(1);

  /** A large real read-only tree present on every Debian machine: scans take a while there. */
  private static final Path USR = Path.of("/usr");

  private Path work;
  private CacheScanner scanner;

  @BeforeAll
  void setUp() throws IOException {
    work = Files.createTempDirectory("dx-cache-robust");
    scanner = new CacheScanner();
  }

  @AfterAll
  void tearDown() throws Exception {
    scanner.close();
    Shell.removeTree(work);
  }

  @Test
  void aMissingRootIsReportedNotThrown() throws Exception {
    CacheScan scan = scanner.scan(work.resolve("no-such-dir"), Instant.now(), LIMIT);
    assertThat(scan.rootExists()).isFalse();
    assertThat(scan.allocatedBytes()).isZero();
    assertThat(scan.files()).isZero();
    assertThat(scan.directories()).isZero();
    assertThat(scan.errors()).isZero();
  }

  @Test
  void aRootBelowAFileIsMissingToo() throws Exception {
    Path file = Files.write(work.resolve("plain-file"), new byte[3]);
    assertThat(scanner.scan(file.resolve("target"), Instant.now(), LIMIT).rootExists()).isFalse();
  }

  @Test
  void entriesDeletedDuringTheScanDoNotBreakIt() throws Exception {
    long fdsBefore = openDescriptors();
    Path tree = work.resolve("vanishing");
    TestTrees.random(tree, 1, 3000);
    // A real `rm -rf`, like `cargo clean` running while the daemon scans.
    Process rm =
        new ProcessBuilder("rm", "-rf", tree.toString())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int scansDuringDeletion = 0;
    while (rm.isAlive()) {
      CacheScan scan = scanner.scan(tree, Instant.now(), LIMIT);
      scansDuringDeletion++;
      assertThat(scan.allocatedBytes()).isNotNegative();
    }
    assertThat(rm.waitFor()).isZero();
    assertThat(scansDuringDeletion).isPositive();
    assertThat(scanner.scan(tree, Instant.now(), LIMIT).rootExists()).isFalse();
    assertThat(openDescriptors()).isEqualTo(fdsBefore);
  }

  @Test
  void aScanOverItsTimeLimitThrowsAndSaysHowFarItGot() throws Exception {
    assumeTrue(Files.isDirectory(USR), "/usr is the large tree this test scans");
    long fdsBefore = openDescriptors();
    CacheScan full = scanner.scan(USR, Instant.now(), LIMIT);
    assertThatThrownBy(() -> scanner.scan(USR, Instant.now(), Duration.ofMillis(5)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("/usr")
        .hasMessageContaining("PT0.005S")
        .hasMessageMatching(".*stopped after \\d+ directories, \\d+ files, \\d+ bytes so far.*")
        .satisfies(e -> assertThat(directoriesIn(e.getMessage())).isLessThan(full.directories()));
    // The cancelled tasks have wound down and closed every descriptor they opened.
    assertThat(openDescriptors()).isEqualTo(fdsBefore);
  }

  @Test
  void interruptingTheCallerCancelsTheScan() throws Exception {
    assumeTrue(Files.isDirectory(USR), "/usr is the large tree this test scans");
    long fdsBefore = openDescriptors();
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                while (true) {
                  scanner.scan(USR, Instant.now(), LIMIT);
                }
              } catch (Throwable e) {
                outcome.set(e);
              }
            });
    caller.start();
    Thread.sleep(300);
    caller.interrupt();
    caller.join(Duration.ofSeconds(2).toMillis());
    assertThat(caller.isAlive()).as("scan still running 2 s after the interrupt").isFalse();
    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    assertThat(openDescriptors()).isEqualTo(fdsBefore);
  }

  @Test
  void anAlreadyInterruptedCallerGetsInterruptedException() throws IOException {
    long fdsBefore = openDescriptors();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> scanner.scan(USR, Instant.now(), LIMIT))
          .isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
    assertThat(openDescriptors()).isEqualTo(fdsBefore);
  }

  @Test
  void severalCollectorThreadsShareOneScanner() throws Exception {
    List<Path> trees = new ArrayList<>();
    List<GnuDu> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Path tree = work.resolve("shared-" + i);
      TestTrees.random(tree, 100 + i, 300 + 200 * i);
      trees.add(tree);
      expected.add(GnuDu.of(tree));
    }
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<CacheScan>> scans = new ArrayList<>();
        for (Path tree : trees) {
          scans.add(callers.submit(() -> scanner.scan(tree, Instant.now(), LIMIT)));
        }
        for (int i = 0; i < trees.size(); i++) {
          GnuDu du = expected.get(i);
          CacheScan scan = scans.get(i).get();
          assertThat(scan.allocatedBytes()).isEqualTo(du.allocatedBytes());
          assertThat(scan.apparentBytes()).isEqualTo(du.apparentBytes());
          assertThat(scan.files()).isEqualTo(du.nonDirectories());
        }
      }
    } finally {
      callers.shutdownNow();
    }
  }

  /**
   * Root ignores permission bits, so the scanner CLI and du both run as nobody (setpriv) on a tree
   * that nobody can read except one directory. Both must agree, and the scan must count one error.
   */
  @Test
  void anUnreadableDirectoryIsCountedAsAnErrorAndTheRestMeasured() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
    Path shared = Files.createDirectories(work.resolve("as-nobody"));
    Path tree = shared.resolve("tree");
    TestTrees.random(tree.resolve("readable"), 5, 300);
    TestTrees.random(tree.resolve("locked"), 6, 200);
    Files.createDirectories(tree.resolve("locked/inner"));
    Path classpath = copyScannerClasspath(shared);
    Shell.bash(
        "chmod -R a+rX \"$1\"; chmod 700 \"$2\"; chmod 755 \"$3\"; chmod 777 \"$4/jna-tmp\"",
        work.toString(),
        tree.resolve("locked").toString(),
        shared.toString(),
        classpath.toString());

    List<String> asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    List<String> du = new ArrayList<>(asNobody);
    du.addAll(List.of("du", "-s", "--block-size=1", tree.toString()));
    List<String> cli = new ArrayList<>(asNobody);
    cli.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djna.tmpdir=" + classpath.resolve("jna-tmp"),
            "-cp",
            classpath.resolve("classes") + ":" + classpath.resolve("jna.jar"),
            CacheScanCli.class.getName(),
            tree.toString()));

    String duOut = Shell.run(du, false);
    Process scan = new ProcessBuilder(cli).start();
    String out = new String(scan.getInputStream().readAllBytes());
    String err = new String(scan.getErrorStream().readAllBytes());
    assertThat(scan.waitFor()).as(err).isEqualTo(1);
    assertThat(out).as(err).contains(" errors=1 ").contains(" exists=true ");
    assertThat(field(out, "allocated_bytes"))
        .isEqualTo(Long.parseLong(duOut.trim().split("\\s+")[0]));
    assertThat(err).contains("locked: Permission denied");
  }

  /**
   * A cache directory that exists but cannot be opened (here: permission denied, as for the chart's
   * uid 65534; out of descriptors is the same path) is a failed scan, not a success that counts
   * only the root's own 4 KiB.
   */
  @Test
  void aCacheRootThatCannotBeOpenedIsAFailureNotATinySize() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
    Path shared = Files.createDirectories(work.resolve("root-as-nobody"));
    Path locked = shared.resolve("locked");
    TestTrees.random(locked, 4, 100);
    Path classpath = copyScannerClasspath(shared);
    Shell.bash(
        "chmod -R a+rX \"$1\"; chmod 700 \"$2\"; chmod 777 \"$3/jna-tmp\"",
        work.toString(),
        locked.toString(),
        classpath.toString());
    Process scan =
        new ProcessBuilder(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djna.tmpdir=" + classpath.resolve("jna-tmp"),
                "-cp",
                classpath.resolve("classes") + ":" + classpath.resolve("jna.jar"),
                CacheScanCli.class.getName(),
                locked.toString())
            .start();
    String out = new String(scan.getInputStream().readAllBytes());
    String err = new String(scan.getErrorStream().readAllBytes());
    assertThat(scan.waitFor()).as(err).isNotZero();
    assertThat(out).as("no result line").doesNotContain("allocated_bytes=");
    assertThat(err).contains("cannot open the cache directory " + locked + ": Permission denied");
  }

  /**
   * The cache bind-mounted inside itself (a directory loop) is counted once, as du does (du warns
   * of the loop and does not descend); where mounts are not possible, skipped.
   */
  @Test
  void aBindMountInsideTheCacheIsCountedOnce() throws Exception {
    Path tree = Files.createDirectories(work.resolve("bound"));
    TestTrees.random(tree.resolve("data"), 5, 200);
    Path mountPoint = Files.createDirectories(tree.resolve("again"));
    // Before the mount: every file once, less the mount point, which the mount then hides.
    long onceBytes = GnuDu.of(tree).allocatedBytes() - GnuDu.of(mountPoint).allocatedBytes();
    long onceFiles = GnuDu.of(tree).nonDirectories();
    Process mount =
        new ProcessBuilder(
                "mount", "--bind", tree.resolve("data").toString(), mountPoint.toString())
            .redirectErrorStream(true)
            .start();
    String why = new String(mount.getInputStream().readAllBytes());
    assumeTrue(mount.waitFor() == 0, "bind mounts are not possible here: " + why.strip());
    try (CacheScanner scanner = new CacheScanner(2)) {
      CacheScan scan = scanner.scan(tree, java.time.Instant.now(), java.time.Duration.ofMinutes(1));
      // (GNU du here descends into the loop once before it notices it: 2x the files.)
      assertThat(scan.allocatedBytes()).isEqualTo(onceBytes);
      assertThat(scan.files()).isEqualTo(onceFiles);
    } finally {
      new ProcessBuilder("umount", mountPoint.toString()).start().waitFor();
    }
  }

  /**
   * With {@code oneFilesystem}, a tmpfs mounted below the cache is neither counted nor scanned, as
   * {@code du -x} does; without it, it is counted as {@code du} does. Skipped where the test cannot
   * mount.
   */
  @Test
  void oneFilesystemStopsAtAMountBelowTheCacheLikeDuX() throws Exception {
    Path tree = Files.createDirectories(work.resolve("mounted"));
    TestTrees.random(tree.resolve("data"), 4, 100);
    Path mountPoint = Files.createDirectories(tree.resolve("tmp"));
    Process mount =
        new ProcessBuilder(
                "mount", "-t", "tmpfs", "-o", "size=8m", "dx-test", mountPoint.toString())
            .redirectErrorStream(true)
            .start();
    String why = new String(mount.getInputStream().readAllBytes());
    assumeTrue(mount.waitFor() == 0, "mounts are not possible here: " + why.strip());
    try (CacheScanner scanner = new CacheScanner(2)) {
      TestTrees.random(mountPoint.resolve("other"), 3, 50);
      java.time.Instant now = java.time.Instant.now();
      java.time.Duration limit = java.time.Duration.ofMinutes(1);
      CacheScan x = scanner.scan(tree, now, limit, true);
      CacheScan all = scanner.scan(tree, now, limit, false);
      long duX =
          Long.parseLong(
              Shell.run(List.of("du", "-x", "-s", "-B1", tree.toString()), true)
                  .trim()
                  .split("\\s+")[0]);
      assertThat(x.allocatedBytes()).isEqualTo(duX);
      assertThat(x.files())
          .isEqualTo(
              Shell.run(
                      List.of("find", tree.toString(), "-xdev", "!", "-type", "d", "-printf", "x"),
                      true)
                  .length());
      assertThat(all.allocatedBytes()).isEqualTo(GnuDu.of(tree).allocatedBytes());
      assertThat(all.files()).isGreaterThan(x.files()); // the tmpfs files count only without it
    } finally {
      new ProcessBuilder("umount", mountPoint.toString()).start().waitFor();
    }
  }

  /**
   * Wide directories and deep chains must not need a descriptor per directory: the CLI runs with at
   * most 32 open files (the JVM itself uses about 15) on 1,500 sibling directories and a 400-level
   * chain.
   */
  @Test
  void aFewDescriptorsSufficeForWideAndDeepTrees() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) is not installed");
    Path tree = Files.createDirectories(work.resolve("descriptors"));
    Shell.bash(
        "cd \"$1\"; mkdir wide; (cd wide; mkdir -p d{1..1500}/e);"
            + " chain=$(printf 'x/%.0s' {1..400}); mkdir -p \"$chain\"; printf 123 > \"$chain/f\"",
        tree.toString());
    Path classes =
        Path.of(CacheScanner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jna = Path.of(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process scan =
        new ProcessBuilder(
                "prlimit",
                "--nofile=32:32",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classes + ":" + jna,
                CacheScanCli.class.getName(),
                tree.toString(),
                "--threads",
                "8")
            .start();
    String out = new String(scan.getInputStream().readAllBytes());
    String err = new String(scan.getErrorStream().readAllBytes());
    assertThat(scan.waitFor()).as(err).isZero();
    GnuDu du = GnuDu.of(tree);
    assertThat(field(out, "allocated_bytes")).isEqualTo(du.allocatedBytes());
    assertThat(field(out, "directories")).isEqualTo(du.directories());
    assertThat(out).contains(" errors=0 ");
  }

  private static Path copyScannerClasspath(Path into) throws Exception {
    Path dir = Files.createDirectories(into.resolve("cp"));
    Path classes =
        Path.of(CacheScanner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jna = Path.of(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Shell.bash(
        "cp -r \"$1\" \"$3/classes\"; cp \"$2\" \"$3/jna.jar\"; mkdir -p \"$3/jna-tmp\"",
        classes.toString(),
        jna.toString(),
        dir.toString());
    return dir;
  }

  private static long field(String line, String name) {
    return Stream.of(line.trim().split(" "))
        .filter(part -> part.startsWith(name + "="))
        .map(part -> Long.parseLong(part.substring(name.length() + 1)))
        .findFirst()
        .orElseThrow();
  }

  private static long directoriesIn(String message) {
    return Long.parseLong(message.replaceAll(".*stopped after (\\d+) directories.*", "$1"));
  }

  /**
   * Open descriptors of directories inside the trees these tests scan (the work directory and
   * /usr). Other descriptors of this JVM, such as earlier test classes' directories being closed,
   * do not count. A descriptor of a deleted directory still counts: its /proc link keeps the old
   * path.
   */
  private long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(Files::isDirectory).filter(this::insideScannedTrees).count();
    }
  }

  private boolean insideScannedTrees(Path fd) {
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith(work.toString()) || target.startsWith(USR.toString());
    } catch (IOException e) {
      return false; // closed meanwhile
    }
  }
}
