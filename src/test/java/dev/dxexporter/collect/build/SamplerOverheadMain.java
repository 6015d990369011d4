package dev.dxexporter.collect.build;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;

/**
 * What sampling costs, for {@code bench/build-recorder.sh}: starts a tree of PROCESSES sleeping
 * processes (one sh and its sleep children), samples it every INTERVAL_MS for SECONDS, and prints
 * the sampling thread's CPU time and the whole JVM's, as a share of one core. {@code
 * SamplerOverheadMain PROCESSES INTERVAL_MS SECONDS [oshi]}: with {@code oshi}, through OSHI even
 * where {@code /proc} is read directly.
 */
public final class SamplerOverheadMain {
  private SamplerOverheadMain() {}

  public static void main(String[] args) throws Exception {
    int processes = Integer.parseInt(args[0]);
    Duration interval = Duration.ofMillis(Long.parseLong(args[1]));
    double seconds = Double.parseDouble(args[2]);
    String script = "for i in $(seq " + (processes - 1) + "); do sleep 3600 & done; wait";
    Process tree = new ProcessBuilder("sh", "-c", script).start();
    OperatingSystem os = new SystemInfo().getOperatingSystem();
    ProcessTable table =
        args.length > 3 && args[3].equals("oshi")
            ? new OshiProcessTable(os)
            : ProcessTable.forThisSystem(() -> os);
    OperatingSystemMXBean jvm =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try {
      while (os.getDescendantProcesses((int) tree.pid(), null, null, 0).size() < processes - 1) {
        Thread.sleep(50);
      }
      ProcessTreeSampler warmUp =
          new ProcessTreeSampler(table, tree.pid(), tree::isAlive, interval);
      warmUp.start();
      Thread.sleep(2000); // JIT-compile the sampling path before measuring
      warmUp.stop();

      // Baseline: the JVM idle for as long, without sampling (JIT, GC and other threads).
      long idleBefore = jvm.getProcessCpuTime();
      long idleWallBefore = System.nanoTime();
      Thread.sleep((long) (seconds * 1000));
      double idleCpu = (jvm.getProcessCpuTime() - idleBefore) / 1e9;
      double idleWall = (System.nanoTime() - idleWallBefore) / 1e9;

      long jvmBefore = jvm.getProcessCpuTime();
      long wallBefore = System.nanoTime();
      ProcessTreeSampler sampler =
          new ProcessTreeSampler(table, tree.pid(), tree::isAlive, interval);
      sampler.start();
      Thread.sleep((long) (seconds * 1000));
      TreeUsage usage = sampler.stop();
      double wall = (System.nanoTime() - wallBefore) / 1e9;
      double jvmCpu = (jvm.getProcessCpuTime() - jvmBefore) / 1e9;
      System.out.printf(
          "table=%s processes=%d interval_ms=%d wall_s=%.2f samples=%d peak_tree=%d"
              + " sampler_cpu_s=%.3f sampler_cpu_pct=%.2f per_sample_ms=%.2f jvm_cpu_s=%.3f"
              + " jvm_cpu_pct=%.2f idle_jvm_cpu_pct=%.2f%n",
          table.getClass().getSimpleName(),
          processes,
          interval.toMillis(),
          wall,
          usage.samples(),
          usage.peakTreeSize(),
          usage.samplerCpuSeconds(),
          100 * usage.samplerCpuSeconds() / wall,
          1000 * usage.samplerCpuSeconds() / usage.samples(),
          jvmCpu,
          100 * jvmCpu / wall,
          100 * idleCpu / idleWall);
    } finally {
      tree.descendants().forEach(ProcessHandle::destroy);
      tree.destroy();
    }
  }
}
