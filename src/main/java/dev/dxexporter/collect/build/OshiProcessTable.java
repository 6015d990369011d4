package dev.dxexporter.collect.build;

import java.util.ArrayList;
import java.util.List;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** The process tree through OSHI: portable (Linux, macOS, Windows, BSDs), but costly per sample. */
final class OshiProcessTable implements ProcessTable {
  private final OperatingSystem os;

  OshiProcessTable(OperatingSystem os) {
    this.os = os;
  }

  @Override
  public List<Snapshot> tree(int rootPid) {
    List<Snapshot> tree = new ArrayList<>();
    OSProcess root = os.getProcess(rootPid);
    if (root == null) {
      return tree;
    }
    tree.add(snapshot(root));
    for (OSProcess process : os.getDescendantProcesses(rootPid, null, null, 0)) {
      tree.add(snapshot(process));
    }
    return tree;
  }

  private static Snapshot snapshot(OSProcess p) {
    return new Snapshot(
        p.getProcessID(),
        p.getStartTime(),
        Math.max(0, p.getResidentMemory()),
        Math.max(0, p.getUserTime()),
        Math.max(0, p.getKernelTime()));
  }
}
