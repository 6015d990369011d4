package dev.dxexporter.collect.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The process tree straight from Linux's {@code /proc}: children from {@code
 * /proc/PID/task/TID/children} (every thread's, since a child belongs to the thread that forked
 * it), numbers from {@code /proc/PID/stat} (utime, stime, starttime, rss; see proc(5)). Two or
 * three small reads per process. A process that exits while being read is left out of that sample.
 */
final class ProcfsProcessTable implements ProcessTable {
  private static final Path PROC = Path.of("/proc");

  // Fields of /proc/PID/stat counted from the state (field 3), after the parenthesised comm.
  private static final int UTIME = 14 - 3;
  private static final int STIME = 15 - 3;
  private static final int STARTTIME = 22 - 3;
  private static final int STAT_FIELDS = STARTTIME + 1;

  /** The second field of /proc/PID/statm: resident pages. */
  private static final int STATM_RESIDENT = 1;

  private final long ticksPerSecond;
  private final long pageSize;

  private ProcfsProcessTable(long ticksPerSecond, long pageSize) {
    this.ticksPerSecond = ticksPerSecond;
    this.pageSize = pageSize;
  }

  /** The table, or null where /proc lists no children or the units cannot be read. */
  static ProcfsProcessTable create() {
    if (ProcessLibC.UNAVAILABLE_REASON != null) {
      return null;
    }
    long self = ProcessHandle.current().pid();
    if (!Files.isReadable(PROC.resolve(self + "/task/" + self + "/children"))) {
      return null;
    }
    long hz = ProcessLibC.sysconf(ProcessLibC.SC_CLK_TCK);
    long page = ProcessLibC.sysconf(ProcessLibC.SC_PAGESIZE);
    return hz > 0 && page > 0 ? new ProcfsProcessTable(hz, page) : null;
  }

  @Override
  public List<Snapshot> tree(int rootPid) {
    List<Snapshot> tree = new ArrayList<>();
    Deque<Integer> pending = new ArrayDeque<>();
    Set<Integer> visited = new HashSet<>();
    pending.add(rootPid);
    while (!pending.isEmpty()) {
      int pid = pending.poll();
      if (!visited.add(pid)) {
        continue;
      }
      Snapshot snapshot = stat(pid);
      if (snapshot == null) {
        if (pid == rootPid) {
          return tree;
        }
        continue;
      }
      tree.add(snapshot);
      children(pid, pending);
    }
    return tree;
  }

  private Snapshot stat(int pid) {
    String stat;
    try {
      stat = new String(Files.readAllBytes(PROC.resolve(pid + "/stat")), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return null; // exited meanwhile
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      return null;
    }
    String[] fields = stat.substring(end + 2).trim().split(" ");
    if (fields.length < STAT_FIELDS) {
      return null;
    }
    try {
      String[] statm =
          new String(Files.readAllBytes(PROC.resolve(pid + "/statm")), StandardCharsets.US_ASCII)
              .trim()
              .split(" ");
      return new Snapshot(
          pid,
          Long.parseLong(fields[STARTTIME]),
          Math.max(0, Long.parseLong(statm[STATM_RESIDENT])) * pageSize,
          Long.parseLong(fields[UTIME]) * 1000 / ticksPerSecond,
          Long.parseLong(fields[STIME]) * 1000 / ticksPerSecond);
    } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return null; // exited between the two reads, or a layout this reader does not know
    }
  }

  private static void children(int pid, Deque<Integer> into) {
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(pid + "/task"))) {
      for (Path task : tasks) {
        String children;
        try {
          children = Files.readString(task.resolve("children"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
          continue; // the thread ended
        }
        for (String child : children.trim().split(" ")) {
          if (!child.isEmpty()) {
            into.add(Integer.parseInt(child));
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process ended while we listed its threads: its children are re-parented anyway
    }
  }
}
