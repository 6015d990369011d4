package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads criterion.rs result directories: {@code target/criterion/<directory_name>/} with {@code
 * new/}, {@code base/} and named baselines ({@code --save-baseline}), each holding {@code
 * estimates.json}, {@code sample.json}, {@code benchmark.json}, {@code tukey.json} and, with the
 * {@code csv_output} feature, {@code raw.csv}; and {@code change/estimates.json}. Times in those
 * files are nanoseconds; results are seconds. The id comes from {@code benchmark.json}, never from
 * the sanitised path. A custom measurement (raw.csv's unit is not {@code ns}) is kept in its own
 * unit, not as a time.
 *
 * <p>Files are read through {@link BoundedFiles} (the cap bounds a huge sample.json); every problem
 * is a located {@link InputException}. Thread-safe.
 */
public final class CriterionDirectoryReader {
  /**
   * A criterion run directory holds a few KB per file; 2 MiB is ~50,000 samples (criterion takes
   * 100 by default). Each file is one Jackson tree, about 12 bytes of heap per byte
   * (bench/parse-heap-reports.sh): 2 MiB reads in 24 MiB, where the 64 MiB the daemon allowed
   * before would not have fit its heap.
   */
  public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;

  private static final Set<String> NOT_BASELINES = Set.of("new", "change", "report");

  /** criterion writes change/ right after new/estimates.json; file copies blur mtimes a little. */
  private static final long STALE_AFTER_MILLIS = 2_000;

  private final BoundedFiles files;
  private final JsonDocuments json;

  public CriterionDirectoryReader(BoundedFiles files) {
    this.files = files;
    this.json = new JsonDocuments(files);
  }

  public CriterionDirectoryReader() {
    this(new BoundedFiles(DEFAULT_MAX_BYTES));
  }

  /** Every benchmark under {@code criterionDir} (usually {@code target/criterion}). */
  public CriterionReport readTree(Path criterionDir) throws IOException, InterruptedException {
    List<CriterionBenchmark> benchmarks = new ArrayList<>();
    List<InputException> errors = new ArrayList<>();
    for (Path dir : BenchmarkDiscovery.criterionBenchmarkDirectories(criterionDir)) {
      try {
        benchmarks.add(read(dir, criterionDir, errors));
      } catch (InputException e) {
        errors.add(e);
      }
    }
    return new CriterionReport(benchmarks, errors);
  }

  /**
   * One benchmark directory (the one holding {@code new/}); a baseline that cannot be read fails
   * the whole benchmark here — {@link #readTree} reports it separately instead.
   */
  public CriterionBenchmark readBenchmark(Path benchmarkDir) throws InputException {
    List<InputException> errors = new ArrayList<>();
    CriterionBenchmark b = read(benchmarkDir, benchmarkDir.getParent(), errors);
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    return b;
  }

  private CriterionBenchmark read(Path dir, Path root, List<InputException> errors)
      throws InputException {
    Path latestDir = dir.resolve("new");
    CriterionId id = id(latestDir, root == null ? dir : root.relativize(dir));
    BenchmarkResult latest = run(id, latestDir, true);
    Map<String, BenchmarkResult> baselines = new TreeMap<>();
    for (Path child : children(dir)) {
      String name = child.getFileName().toString();
      if (NOT_BASELINES.contains(name) || !Files.isRegularFile(child.resolve("estimates.json"))) {
        continue;
      }
      try {
        baselines.put(name, run(id, child, false));
      } catch (InputException e) {
        errors.add(e);
      }
    }
    CriterionChange change = change(dir, latest, baselines);
    List<Double> fences = List.of();
    Path tukey = latestDir.resolve("tukey.json");
    if (Files.isRegularFile(tukey)) {
      fences = CriterionFiles.tukey(json.parse(tukey), tukey).stream().map(f -> f * 1e-9).toList();
    }
    return new CriterionBenchmark(id, dir, latest, baselines, change, fences);
  }

  private CriterionId id(Path runDir, Path relative) throws InputException {
    Path file = runDir.resolve("benchmark.json");
    if (Files.isRegularFile(file)) {
      return CriterionFiles.id(json.parse(file), file);
    }
    String path = relative.toString().replace('\\', '/');
    String[] parts = path.split("/");
    return new CriterionId(
        path,
        parts[0],
        parts.length > 1 ? parts[1] : null,
        parts.length > 2 ? parts[2] : null,
        path,
        null,
        true);
  }

  private BenchmarkResult run(CriterionId id, Path runDir, boolean requireSample)
      throws InputException {
    Path estimatesFile = runDir.resolve("estimates.json");
    Map<String, CriterionFiles.Estimate> estimates =
        CriterionFiles.estimates(json.parse(estimatesFile), estimatesFile);
    Path sampleFile = runDir.resolve("sample.json");
    CriterionFiles.SavedSample sample = null;
    if (Files.isRegularFile(sampleFile) || requireSample) {
      sample = CriterionFiles.sample(json.parse(sampleFile), sampleFile);
    }
    Path raw = runDir.resolve("raw.csv");
    String unit =
        Files.isRegularFile(raw) ? CriterionFiles.rawUnit(files.readText(raw), raw) : null;
    return CriterionRun.result(id, estimates, sample, unit, runDir);
  }

  private CriterionChange change(
      Path dir, BenchmarkResult latest, Map<String, BenchmarkResult> baselines)
      throws InputException {
    Path file = dir.resolve("change").resolve("estimates.json");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Map<String, CriterionFiles.Estimate> e = CriterionFiles.estimates(json.parse(file), file);
    ChangeEstimate mean = change(e.get("mean"));
    ChangeEstimate median = e.containsKey("median") ? change(e.get("median")) : null;
    boolean current = !olderThan(file, dir.resolve("new").resolve("estimates.json"));
    String against = null;
    double[] latestSamples = latest.samples().values();
    for (Map.Entry<String, BenchmarkResult> b : baselines.entrySet()) {
      double[] base = b.getValue().samples().values();
      if (latestSamples.length == 0 || base.length == 0) {
        continue;
      }
      double ratio = WelchTTest.mean(latestSamples) / WelchTTest.mean(base) - 1;
      if (Math.abs(ratio - mean.pointEstimate()) <= 1e-9 * Math.max(1, Math.abs(ratio))) {
        against = b.getKey();
        break;
      }
    }
    return new CriterionChange(mean, median, current, against);
  }

  private static ChangeEstimate change(CriterionFiles.Estimate e) {
    return new ChangeEstimate(e.point(), e.interval(), e.standardError());
  }

  private static boolean olderThan(Path a, Path b) {
    try {
      FileTime ta = Files.getLastModifiedTime(a, LinkOption.NOFOLLOW_LINKS);
      FileTime tb = Files.getLastModifiedTime(b, LinkOption.NOFOLLOW_LINKS);
      return ta.toMillis() + STALE_AFTER_MILLIS < tb.toMillis();
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Path> children(Path dir) throws InputException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
      stream.forEach(out::add);
    } catch (IOException e) {
      throw new InputException(dir, "cannot list: " + e, e);
    }
    out.sort(null);
    return out;
  }
}
