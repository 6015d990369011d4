package dev.dxexporter.collect.cache;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The reference figures for a tree, from GNU du and find. */
record GnuDu(long allocatedBytes, long apparentBytes, long directories, long nonDirectories) {

  static GnuDu of(Path root) throws IOException, InterruptedException {
    return new GnuDu(
        firstNumber(Shell.run(List.of("du", "-s", "--block-size=1", root.toString()), true)),
        firstNumber(Shell.run(List.of("du", "-sb", root.toString()), true)),
        count(root, "-type", "d"),
        count(root, "!", "-type", "d"));
  }

  /** Counts find's matches by printing one byte each, so names with newlines cannot miscount. */
  private static long count(Path root, String... predicate)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("find", root.toString()));
    command.addAll(List.of(predicate));
    command.addAll(List.of("-printf", "x"));
    return Shell.run(command, true).length();
  }

  /**
   * Allocated bytes of the non-directories last modified at or before {@code instant}, each inode
   * once, from find's {@code %b} (512-byte blocks). Not {@code du --files0-from}: du cannot open
   * the test's paths longer than PATH_MAX one by one, find walks into them.
   */
  static long staleBytes(Path root, Instant instant) throws IOException, InterruptedException {
    String out =
        Shell.bash(
            "find \"$1\" ! -type d ! -newermt \"@$2\" -printf '%D %i %b\\n' | sort -u"
                + " | awk '{ s += $3 * 512 } END { printf \"%d\\n\", s }'",
            root.toString(), String.valueOf(instant.getEpochSecond()));
    return firstNumber(out);
  }

  /** Newest mtime of a non-directory, as find prints it (seconds with a fraction). */
  static BigDecimal newestMtime(Path root) throws IOException, InterruptedException {
    String out =
        Shell.bash("find \"$1\" ! -type d -printf '%T@\\n' | sort -g | tail -n 1", root.toString());
    return new BigDecimal(out.trim());
  }

  private static long firstNumber(String output) {
    return Long.parseLong(output.trim().split("\\s+")[0]);
  }
}
