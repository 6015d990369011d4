package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.ReportGlob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds benchmark results under a project root with {@link ReportGlob} (stays inside the root,
 * never follows a symlinked directory, depth and match count capped).
 *
 * <ul>
 *   <li>criterion: every directory under {@code target/criterion/**} that holds {@code
 *       new/estimates.json} is one benchmark ({@code report/} and group summary directories hold
 *       none).
 *   <li>pytest-benchmark autosaves: {@code .benchmarks/<machine>/NNNN_<name>.json} ({@code
 *       --benchmark-autosave}, {@code --benchmark-save}); per machine directory the highest counter
 *       is the latest run and the one before it the baseline.
 * </ul>
 */
public final class BenchmarkDiscovery {
  private static final Pattern AUTOSAVE = Pattern.compile("^(\\d+)_.*\\.json$");

  /** One machine's two newest pytest-benchmark saves. */
  public record PytestAutosave(String machine, Path latest, Path previous) {}

  private BenchmarkDiscovery() {}

  /** Benchmark directories under {@code projectRoot/target/criterion}, sorted. */
  public static List<Path> criterionDirectories(Path projectRoot)
      throws IOException, InterruptedException {
    Path criterion = projectRoot.resolve("target").resolve("criterion");
    return criterionBenchmarkDirectories(criterion);
  }

  /** Benchmark directories under a criterion output directory, sorted. */
  public static List<Path> criterionBenchmarkDirectories(Path criterionDir)
      throws IOException, InterruptedException {
    if (!criterionDir.toFile().isDirectory()) {
      return List.of();
    }
    ReportGlob glob = new ReportGlob(criterionDir, dir -> false);
    Path absolute = criterionDir.toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>();
    for (Path estimates : glob.files("**/new/estimates.json")) {
      // as the caller named the root: relative stays relative
      out.add(criterionDir.resolve(absolute.relativize(estimates.getParent().getParent())));
    }
    return out;
  }

  /**
   * The pytest-benchmark saves under {@code projectRoot/.benchmarks}, per machine directory ({@code
   * Linux-CPython-3.11-64bit}); {@code previous} is null when there is only one.
   */
  public static List<PytestAutosave> pytestAutosaves(Path projectRoot)
      throws IOException, InterruptedException {
    Path storage = projectRoot.resolve(".benchmarks");
    if (!storage.toFile().isDirectory()) {
      return List.of();
    }
    ReportGlob glob = new ReportGlob(storage, dir -> false);
    Path absolute = storage.toAbsolutePath().normalize();
    Map<String, List<Path>> byMachine = new TreeMap<>();
    for (Path found : glob.files("*/*_*.json")) {
      Path file = storage.resolve(absolute.relativize(found));
      if (AUTOSAVE.matcher(file.getFileName().toString()).matches()) {
        byMachine
            .computeIfAbsent(file.getParent().getFileName().toString(), k -> new ArrayList<>())
            .add(file);
      }
    }
    List<PytestAutosave> out = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : byMachine.entrySet()) {
      List<Path> saves = e.getValue();
      saves.sort(Comparator.comparingLong(BenchmarkDiscovery::counter).thenComparing(p -> p));
      int n = saves.size();
      out.add(new PytestAutosave(e.getKey(), saves.get(n - 1), n > 1 ? saves.get(n - 2) : null));
    }
    return out;
  }

  private static long counter(Path file) {
    Matcher m = AUTOSAVE.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return -1;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // absurdly long counters sort last, deterministically
    }
  }
}
