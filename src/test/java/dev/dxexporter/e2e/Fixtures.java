package dev.dxexporter.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Project trees the exporter watches: Cargo workspaces and build caches of a chosen disk usage. */
final class Fixtures {
  static final long GIB = 1L << 30;

  private Fixtures() {}

  /**
   * A Cargo workspace whose members declare `distinct` external dependencies between them (the two
   * members overlap, and one depends on the other by path, which is not external). No Cargo.lock.
   */
  static void cargoWorkspace(Path root, int distinct) {
    int split = distinct * 2 / 3;
    write(
        root.resolve("Cargo.toml"),
        """
        [workspace]
        members = ["crates/core", "crates/cli"]
        resolver = "2"
        """);
    write(root.resolve("crates/core/Cargo.toml"), manifest("core", IntStream.range(0, split), ""));
    write(root.resolve("crates/core/src/lib.rs"), "");
    // cli repeats the last few of core's crates: overlaps count once.
    write(
        root.resolve("crates/cli/Cargo.toml"),
        manifest(
            "cli",
            IntStream.range(Math.max(0, split - 3), distinct),
            "core = { path = \"../core\" }\n"));
    write(root.resolve("crates/cli/src/main.rs"), "fn main() {}\n");
  }

  /** A Cargo.lock (v4) beside such a workspace: two registry packages, one of them twice. */
  static void cargoLock(Path root) {
    String registry = "registry+https://github.com/rust-lang/crates.io-index";
    write(
        root.resolve("Cargo.lock"),
        """
        version = 4

        [[package]]
        name = "cli"
        version = "0.1.0"

        [[package]]
        name = "core"
        version = "0.1.0"

        [[package]]
        name = "syn"
        version = "1.0.109"
        source = "%1$s"

        [[package]]
        name = "syn"
        version = "2.0.87"
        source = "%1$s"
        """
            .formatted(registry));
  }

  /**
   * A Cargo.toml that does not parse (an unterminated table header), as a half-edited file would.
   */
  static void brokenCargoManifest(Path root) {
    write(root.resolve("Cargo.toml"), "[package\nname = \"broken\"\n");
  }

  /** A small npm package with two dependencies. */
  static void npmPackage(Path root) {
    write(
        root.resolve("package.json"),
        """
        {"name": "web", "version": "1.0.0",
         "dependencies": {"left-pad": "^1.3.0"}, "devDependencies": {"typescript": "^5.6.0"}}
        """);
  }

  private static String manifest(String name, IntStream crates, String extra) {
    StringBuilder toml =
        new StringBuilder(
            """
        [package]
        name = "%s"
        version = "0.1.0"
        edition = "2021"

        [dependencies]
        """
                .formatted(name));
    crates.forEach(i -> toml.append("fixture-crate-%03d = \"1.%d\"\n".formatted(i, i % 7)));
    return toml.append(extra).toString();
  }

  /**
   * A cache directory with a few small files and one file of `bytes` allocated blocks. fallocate
   * allocates the blocks at once without writing data, so `du -s` (and dx_cache_size_bytes) count
   * them; a sparse file would not.
   */
  static void cache(Path dir, long bytes) {
    write(dir.resolve("debug/.fingerprint/fixture"), "fingerprint\n");
    write(dir.resolve("debug/deps/libfixture.rlib"), "x".repeat(4096));
    if (bytes > 0) {
      Path big = dir.resolve("debug/incremental/blob.bin");
      write(dir.resolve("debug/incremental/.keep"), "");
      Command fallocate =
          Command.run(List.of("fallocate", "-l", Long.toString(bytes), big.toString()));
      if (fallocate.exit() != 0) {
        throw new AssertionError("fallocate failed: " + fallocate.output());
      }
      long du = diskUsage(dir);
      if (du < bytes) {
        throw new AssertionError(
            "du -s sees " + du + " bytes, fewer than the " + bytes + " allocated");
      }
    }
  }

  /** Allocated bytes of a tree, as `du -s -B1` counts them. */
  static long diskUsage(Path dir) {
    Command du = Command.run(List.of("du", "-s", "-B1", dir.toString()));
    if (du.exit() != 0) {
      throw new AssertionError("du failed: " + du.output());
    }
    return Long.parseLong(du.output().strip().split("\\s+")[0]);
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JUnit report of one passing case whose run took {@code seconds} (nextest style root time).
   */
  static void junitReport(Path file, double seconds) {
    write(
        file,
        "<testsuites name=\"run\" tests=\"1\" time=\"%s\"><testsuite name=\"slow\" tests=\"1\" time=\"%s\">"
                .formatted(seconds, seconds)
            + "<testcase classname=\"slow\" name=\"takes_long\" time=\"%s\"/></testsuite></testsuites>\n"
                .formatted(seconds));
  }

  /**
   * A Surefire report of run {@code n}: one stable case and one that failed, then passed on a rerun
   * (flakyFailure), the same in every run.
   */
  static String flakyReport(int n) {
    return "<testsuite name=\"it.Retry\" tests=\"2\" time=\"1\">"
        + "<testcase classname=\"it.Retry\" name=\"stable\" time=\"0.5\"/>"
        + "<testcase classname=\"it.Retry\" name=\"sometimes\" time=\"0.5\">"
        + "<flakyFailure message=\"run "
        + n
        + "\" type=\"AssertionError\"/></testcase>"
        + "</testsuite>\n";
  }

  /** An LCOV file of one source file with {@code covered} of {@code lines} lines hit. */
  static String lcov(int covered, int lines) {
    StringBuilder s = new StringBuilder("TN:\nSF:src/lib.rs\n");
    for (int i = 1; i <= lines; i++) {
      s.append("DA:").append(i).append(',').append(i <= covered ? 1 : 0).append('\n');
    }
    return s.append("LF:")
        .append(lines)
        .append("\nLH:")
        .append(covered)
        .append("\nend_of_record\n")
        .toString();
  }
}
