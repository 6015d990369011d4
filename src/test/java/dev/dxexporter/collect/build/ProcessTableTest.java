package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

/** The direct /proc reader against OSHI's reading of the same process tree. */
class ProcessTableTest {
  @TempDir Path tmp;
  private Process tree;

  @AfterEach
  void stop() {
    if (tree != null) {
      tree.descendants().forEach(ProcessHandle::destroyForcibly);
      tree.destroyForcibly();
    }
  }

  @Test
  void procfsAndOshiSeeTheSameTreeWithTheSameFigures() throws Exception {
    ProcessTable procfs = ProcfsProcessTable.create();
    assumeThat(procfs).as("/proc lists children on this kernel").isNotNull();
    ProcessTable oshi = new OshiProcessTable(new SystemInfo().getOperatingSystem());
    // A command name with a space and parentheses, which /proc/PID/stat prints unescaped.
    Path oddName = tmp.resolve("sl eep) (x");
    Files.copy(Path.of("/bin/sleep"), oddName);
    oddName.toFile().setExecutable(true);
    String script =
        "for i in 1 2 3; do sleep 60 & done; '" + oddName + "' 60 & (sleep 60 & wait) & wait";
    tree = new ProcessBuilder("sh", "-c", script).start();
    int root = Math.toIntExact(tree.pid());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> procfs.tree(root).size() == 7 && oshi.tree(root).size() == 7);

    List<ProcessTable.Snapshot> fromProcfs = procfs.tree(root);
    List<ProcessTable.Snapshot> fromOshi = oshi.tree(root);
    assertThat(fromProcfs.get(0).pid()).isEqualTo(root);
    assertThat(pids(fromProcfs)).isEqualTo(pids(fromOshi));
    for (ProcessTable.Snapshot p : fromProcfs) {
      ProcessTable.Snapshot o =
          fromOshi.stream().filter(s -> s.pid() == p.pid()).findFirst().orElseThrow();
      assertThat(p.rssBytes()).as("rss of %d", p.pid()).isPositive().isEqualTo(o.rssBytes());
      assertThat(p.userMillis()).isEqualTo(o.userMillis());
      assertThat(p.kernelMillis()).isEqualTo(o.kernelMillis());
    }
  }

  @Test
  void aTreeWhoseRootIsGoneIsEmpty() throws Exception {
    ProcessTable procfs = ProcfsProcessTable.create();
    assumeThat(procfs).isNotNull();
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    assertThat(procfs.tree(Math.toIntExact(done.pid()))).isEmpty();
  }

  private static Set<Integer> pids(List<ProcessTable.Snapshot> tree) {
    return tree.stream().map(ProcessTable.Snapshot::pid).collect(Collectors.toSet());
  }
}
