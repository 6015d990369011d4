package dev.dxexporter.collect.cache;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code CacheScanCli PATH [--repeat N] [--threads N] [--stale-after DURATION]}: scans PATH N times
 * in one JVM and prints one line per scan (wall time, then the numbers), for the benchmark in
 * {@code bench/} and the tests that run it as another user. The first line is the cold-JVM figure.
 * Exit status 0 when the last scan had no errors, 1 when it counted errors, 2 on bad usage or
 * failure.
 */
public final class CacheScanCli {
  private CacheScanCli() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Path path = null;
    int repeat = 1;
    int threads = CacheScanner.DEFAULT_PARALLELISM;
    Duration staleAfter = Duration.ofDays(7);
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--repeat" -> repeat = Integer.parseInt(args[++i]);
          case "--threads" -> threads = Integer.parseInt(args[++i]);
          case "--stale-after" -> staleAfter = Duration.parse(args[++i]);
          default -> {
            if (path != null || args[i].startsWith("--")) {
              throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            path = Path.of(args[i]);
          }
        }
      }
      if (path == null || repeat < 1) {
        throw new IllegalArgumentException("a PATH and a positive --repeat are needed");
      }
    } catch (RuntimeException e) {
      err.println(e.getMessage());
      err.println("usage: CacheScanCli PATH [--repeat N] [--threads N] [--stale-after PT168H]");
      return 2;
    }
    CacheScan scan = null;
    try (CacheScanner scanner = new CacheScanner(threads)) {
      for (int run = 1; run <= repeat; run++) {
        long start = System.nanoTime();
        scan = scanner.scan(path, Instant.now().minus(staleAfter), Duration.ofHours(1));
        double millis = (System.nanoTime() - start) / 1e6;
        out.printf(
            "scan=%d wall_ms=%.1f exists=%b allocated_bytes=%d apparent_bytes=%d files=%d"
                + " directories=%d stale_bytes=%d newest_file=%s errors=%d vanished=%d%n",
            run,
            millis,
            scan.rootExists(),
            scan.allocatedBytes(),
            scan.apparentBytes(),
            scan.files(),
            scan.directories(),
            scan.staleBytes(),
            scan.newestFileModified().map(Instant::toString).orElse("none"),
            scan.errors(),
            scan.vanished());
      }
    }
    scan.errorSamples().forEach(message -> err.println("error: " + message));
    return scan.errors() == 0 ? 0 : 1;
  }
}
