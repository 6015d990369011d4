package dev.dxexporter.ingest;

import dev.dxexporter.collect.bench.ActionBenchmarkReaders;
import dev.dxexporter.collect.bench.BenchmarkDiscovery;
import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.collect.bench.BenchmarkResult;
import dev.dxexporter.collect.bench.ConfidenceInterval;
import dev.dxexporter.collect.bench.CriterionBenchmark;
import dev.dxexporter.collect.bench.CriterionDirectoryReader;
import dev.dxexporter.collect.bench.CriterionReport;
import dev.dxexporter.collect.bench.Direction;
import dev.dxexporter.collect.bench.Regression;
import dev.dxexporter.collect.bench.RegressionResult;
import dev.dxexporter.collect.bench.RegressionVerdict;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoredBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A benchmark report into the store: a criterion directory (its good benchmarks, plus one located
 * error per broken one) or one output file of any format github-action-benchmark extracts.
 * criterion's own verdict from its {@code change/} is judged here, while its baselines are on disk.
 */
public final class BenchmarkIngester {
  /** The outcome of one ingestion; {@code errors}: benchmarks of a criterion tree not read. */
  public record Ingested(SaveOutcome outcome, int benchmarks, List<InputException> errors) {}

  /**
   * The most benchmarks one report may hold. Each is a stored row and several series in every
   * scrape: HeapCapReportsIT's reports at the file caps (15,000 to 42,000 benchmarks each, five at
   * once) were read, but their series then exhausted the chart's 256 MiB heap. Real suites hold
   * tens to hundreds.
   */
  public static final int MAX_BENCHMARKS = 2_000;

  private final long maxBytes;
  private final Regression regression;

  public BenchmarkIngester(long maxBytes, Regression regression) {
    this.maxBytes = maxBytes;
    this.regression = regression;
  }

  /**
   * A criterion output directory ({@code target/criterion}, or an unpacked push); refused whole
   * only when no benchmark in it can be read.
   */
  public Ingested ingestCriterion(Store store, ReportMeta meta, Path criterionDir)
      throws InputException, IOException, InterruptedException {
    if (duplicate(store, meta)) {
      return new Ingested(SaveOutcome.DUPLICATE, 0, List.of());
    }
    int directories = BenchmarkDiscovery.criterionBenchmarkDirectories(criterionDir).size();
    if (directories > MAX_BENCHMARKS) { // refused before any is read
      throw tooMany(criterionDir, directories);
    }
    CriterionReport tree =
        new CriterionDirectoryReader(
                new BoundedFiles(Math.min(maxBytes, CriterionDirectoryReader.DEFAULT_MAX_BYTES)))
            .readTree(criterionDir);
    if (tree.benchmarks().isEmpty()) {
      if (!tree.errors().isEmpty()) {
        throw tree.errors().get(0);
      }
      throw new InputException(criterionDir, "no criterion benchmark (no */new/estimates.json)");
    }
    List<StoredBenchmark> stored = new ArrayList<>();
    for (CriterionBenchmark b : tree.benchmarks()) {
      stored.add(checked(b.latest(), toolVerdict(b), b.directory()));
    }
    SaveOutcome outcome = store.saveBenchmarkReport(withFormat(meta, "criterion"), stored);
    return new Ingested(outcome, stored.size(), tree.errors());
  }

  /** One benchmark output file, its format named or (null) detected from the content. */
  public Ingested ingestFile(Store store, ReportMeta meta, Path file, BenchmarkFormat format)
      throws InputException {
    if (duplicate(store, meta)) {
      return new Ingested(SaveOutcome.DUPLICATE, 0, List.of());
    }
    ActionBenchmarkReaders readers = new ActionBenchmarkReaders(new BoundedFiles(maxBytes));
    List<BenchmarkResult> results =
        format == null ? readers.read(file) : readers.read(file, format);
    if (results.size() > MAX_BENCHMARKS) {
      throw tooMany(file, results.size());
    }
    List<StoredBenchmark> stored = new ArrayList<>();
    for (BenchmarkResult r : results) {
      stored.add(checked(r, null, file));
    }
    String tool = results.get(0).format().toolName();
    SaveOutcome outcome = store.saveBenchmarkReport(withFormat(meta, tool), stored);
    return new Ingested(outcome, stored.size(), List.of());
  }

  private static InputException tooMany(Path report, int benchmarks) {
    return new InputException(
        report,
        benchmarks
            + " benchmarks in one report, more than the limit of "
            + MAX_BENCHMARKS
            + " (each is a row and several series on every scrape)");
  }

  private static boolean duplicate(Store store, ReportMeta meta) {
    return store.findReport(meta.project(), meta.source(), meta.identity()).isPresent();
  }

  /** criterion's judgement from its own files, or null when it could not make one. */
  private StoredBenchmark.ToolVerdict toolVerdict(CriterionBenchmark b) {
    RegressionResult r = regression.criterion(b);
    if (r.verdict() == RegressionVerdict.NOT_ENOUGH_DATA || !Double.isFinite(r.changeRatio())) {
      return null;
    }
    ConfidenceInterval ci =
        b.change() == null || !b.change().current() ? null : b.change().mean().interval();
    return new StoredBenchmark.ToolVerdict(
        r.verdict().name().toLowerCase(Locale.ROOT),
        r.changeRatio(),
        Double.isFinite(r.pValue()) ? r.pValue() : null,
        ci == null ? null : ci.lower(),
        ci == null ? null : ci.upper());
  }

  /** The store's own checks (finite values, durations not negative) as a located error. */
  private static StoredBenchmark checked(
      BenchmarkResult r, StoredBenchmark.ToolVerdict verdict, Path where) throws InputException {
    try {
      return stored(r, verdict);
    } catch (IllegalArgumentException e) {
      throw new InputException(where, "benchmark " + r.name() + ": " + e.getMessage());
    }
  }

  static StoredBenchmark stored(BenchmarkResult r, StoredBenchmark.ToolVerdict verdict) {
    Map<String, Double> seconds = new TreeMap<>();
    r.seconds().forEach((statistic, v) -> seconds.put(statistic.label(), v));
    Direction d = r.primary().direction();
    ConfidenceInterval ci = r.interval();
    return new StoredBenchmark(
        r.name(),
        r.primary().unit(),
        d == null ? null : d == Direction.LOWER_IS_BETTER ? "lower" : "higher",
        r.primary().value(),
        ci == null ? null : ci.lower(),
        ci == null ? null : ci.upper(),
        seconds,
        r.throughput() == null ? null : r.throughput().value(),
        r.throughput() == null ? null : r.throughput().unit(),
        r.bytesPerOp(),
        Math.max(r.samples().originalCount(), r.samples().size()),
        r.samples().values(),
        verdict);
  }

  private static ReportMeta withFormat(ReportMeta m, String format) {
    return new ReportMeta(
        m.project(),
        m.source(),
        m.identity(),
        m.reportName(),
        format,
        m.branch(),
        m.commit(),
        m.runId(),
        m.receivedAt());
  }
}
