package dev.dxexporter.collect.build;

import java.util.List;
import java.util.function.Supplier;
import oshi.software.os.OperatingSystem;

/** A view of a process and its descendants, as the sampler needs it. */
interface ProcessTable {
  /**
   * One process at one moment.
   *
   * @param startTime when it started, in the table's own unit: with the pid, identifies the process
   *     (a pid is reused once its process is gone)
   */
  record Snapshot(int pid, long startTime, long rssBytes, long userMillis, long kernelMillis) {}

  /** The root (first) and every descendant alive now; empty when the root is gone. */
  List<Snapshot> tree(int rootPid);

  /**
   * Reads {@code /proc} directly where the kernel lists children ({@code
   * /proc/PID/task/TID/children}, Linux 3.5+ with CONFIG_PROC_CHILDREN, as in Debian's, Ubuntu's
   * and Fedora's kernels): about 20 times cheaper per sample than OSHI's descendant query, which
   * reads every process of the system (and six files for each descendant). Else through OSHI.
   */
  static ProcessTable forThisSystem(Supplier<OperatingSystem> os) {
    ProcessTable procfs = ProcfsProcessTable.create();
    return procfs != null ? procfs : new OshiProcessTable(os.get());
  }
}
