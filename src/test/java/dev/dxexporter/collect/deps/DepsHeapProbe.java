package dev.dxexporter.collect.deps;

import dev.dxexporter.metrics.Sample;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code DepsHeapProbe write FORMAT DIR} writes the largest accepted project of {@code FORMAT}
 * ({@link CapFiles}); {@code DepsHeapProbe read DIR} runs the real dependency collector over it
 * once and prints whether every ecosystem was read, the time, and the heap pools' peak occupancy.
 * Run in a child JVM with a small {@code -Xmx} by {@code bench/parse-heap.sh}; exit status 0 only
 * when the read succeeded.
 */
public final class DepsHeapProbe {
  private DepsHeapProbe() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("write")) {
      System.out.println(CapFiles.write(args[1], Path.of(args[2])));
      return;
    }
    Path dir = Path.of(args[1]);
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    List<Sample> samples = new DependencyCollector("probe", dir, Set.of()).collect();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    List<Sample> failed =
        samples.stream()
            .filter(s -> s.family().name().equals("dx_dependencies_read_success"))
            .filter(s -> !(s instanceof Sample.Scalar scalar) || scalar.value() != 1)
            .toList();
    System.out.printf(
        "read=%s samples=%d ms=%d peak_heap_pools=%d%n",
        failed.isEmpty() ? "ok" : "FAILED", samples.size(), millis, peak);
    System.exit(failed.isEmpty() ? 0 : 1);
  }
}
