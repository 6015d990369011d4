package dev.dxexporter.collect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's case: as uid 65534 (the chart's user) over a {@code target/} whose big file sits in a
 * 0700 directory of root's, the scan succeeds with a far smaller size. That size must be marked a
 * lower bound ({@code dx_cache_scan_complete} 0) and equal what du, as the same user, can see.
 */
class IncompleteScanTest {
  private static final List<String> AS_NOBODY =
      List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

  private Path work;

  @BeforeEach
  void setUp() throws Exception {
    work = Files.createTempDirectory("dx-incomplete-scan");
  }

  @AfterEach
  void tearDown() throws Exception {
    Shell.removeTree(work);
  }

  @Test
  void aCacheWithAnUnreadableDirectoryIsMarkedIncompleteWithItsReadableSizeAsLowerBound()
      throws Exception {
    assumeTrue(
        "0".equals(Shell.run(List.of("id", "-u"), true).trim()),
        "needs root to switch to uid 65534");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
    Path target = work.resolve("target");
    TestTrees.random(target.resolve("debug"), 3, 60);
    Path locked = Files.createDirectories(target.resolve("release/locked"));
    Path classpath = copyClasspath(work);
    // 16 MiB of real blocks (not sparse), unreadable for anyone but root.
    Shell.bash(
        "dd if=/dev/zero of=\"$2/big.rlib\" bs=1M count=16 status=none && sync"
            + " && chmod -R a+rX \"$1\" && chmod 700 \"$2\" && chmod 777 \"$3/jna-tmp\"",
        work.toString(),
        locked.toString(),
        classpath.toString());

    long asRoot = duBytes(List.of(), target);
    long asNobody = duBytes(AS_NOBODY, target);
    List<String> java = new ArrayList<>(AS_NOBODY);
    java.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djna.tmpdir=" + classpath.resolve("jna-tmp"),
            "-cp",
            classpath.resolve("*") + ":" + classpath.resolve("classes"),
            CollectAsUserMain.class.getName(),
            target.toString()));
    Process run = new ProcessBuilder(java).start();
    String out = new String(run.getInputStream().readAllBytes());
    String err = new String(run.getErrorStream().readAllBytes());
    assertThat(run.waitFor()).as(err).isZero();
    Map<String, Long> samples =
        out.lines()
            .map(l -> l.split(" "))
            .collect(Collectors.toMap(p -> p[0], p -> Long.parseLong(p[1])));

    assertThat(asRoot - asNobody).isGreaterThanOrEqualTo(16L << 20);
    assertThat(samples)
        .containsEntry("dx_cache_present", 1L)
        .containsEntry("dx_cache_scan_errors", 1L)
        .containsEntry("dx_cache_scan_complete", 0L)
        .containsEntry("dx_cache_size_bytes", asNobody);
  }

  private static long duBytes(List<String> as, Path tree) throws Exception {
    List<String> du = new ArrayList<>(as);
    du.addAll(List.of("du", "-s", "--block-size=1", tree.toString()));
    return Long.parseLong(Shell.run(du, false).trim().split("\\s+")[0]);
  }

  /** Main and test classes (this class's package only needs both) and the jars they load. */
  private static Path copyClasspath(Path into) throws Exception {
    Path dir = Files.createDirectories(into.resolve("cp"));
    Shell.bash(
        "mkdir -p \"$1/classes\" \"$1/jna-tmp\" && cp -r \"$2\"/. \"$1/classes\""
            + " && cp -r \"$3\"/. \"$1/classes\" && cp \"$4\" \"$5\" \"$6\" \"$7\" \"$1\"",
        dir.toString(),
        location(CacheScanner.class).toString(),
        location(CollectAsUserMain.class).toString(),
        location(Native.class).toString(),
        location(org.slf4j.LoggerFactory.class).toString(),
        location(oshi.SystemInfo.class).toString(),
        location(com.sun.jna.platform.linux.LibC.class).toString());
    return dir;
  }

  private static Path location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
