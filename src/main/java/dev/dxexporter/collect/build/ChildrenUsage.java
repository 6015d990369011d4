package dev.dxexporter.collect.build;

import com.sun.jna.Memory;

/**
 * The kernel's {@code getrusage(RUSAGE_CHILDREN)} totals for this JVM: CPU time of every child it
 * has waited for (the JDK's process reaper waits for each child it started), including those
 * children's own waited-for descendants, and the largest peak resident set size among them.
 * Processes that were orphaned (a daemon that double-forked) are not in it.
 */
record ChildrenUsage(long userMicros, long systemMicros, long maxRssKilobytes) {

  /** The current totals, or null where getrusage is not bound or fails. */
  static ChildrenUsage now() {
    if (ProcessLibC.UNAVAILABLE_REASON != null) {
      return null;
    }
    try (Memory usage = new Memory(ProcessLibC.RUSAGE_SIZE)) {
      usage.clear();
      if (ProcessLibC.getrusage(ProcessLibC.RUSAGE_CHILDREN, usage) != 0) {
        return null;
      }
      return new ChildrenUsage(
          micros(usage, ProcessLibC.RU_UTIME_OFFSET),
          micros(usage, ProcessLibC.RU_STIME_OFFSET),
          usage.getLong(ProcessLibC.RU_MAXRSS_OFFSET));
    }
  }

  private static long micros(Memory usage, int timevalOffset) {
    return usage.getLong(timevalOffset) * 1_000_000L + usage.getLong(timevalOffset + 8);
  }
}
