package dev.dxexporter.ingest.push;

import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.collect.bench.Regression;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.ingest.BenchmarkIngester;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A pushed benchmark report: a criterion directory as an archive (tar, tar.gz, zip of {@code
 * target/criterion} or any directory above its benchmarks), or one output file in the named format.
 */
final class BenchmarkPush {
  private BenchmarkPush() {}

  static SaveOutcome ingest(
      Store store,
      ReportMeta meta,
      PushTarget target,
      BenchmarkFormat format,
      Path body,
      Path unpacked,
      List<Path> files,
      Map<String, Object> answer)
      throws InputException {
    BenchmarkIngester ingester =
        new BenchmarkIngester(
            target.maxBenchmarkReportBytes(), new Regression(target.regression().policy()));
    BenchmarkIngester.Ingested done;
    if (format == BenchmarkFormat.CRITERION) {
      if (files.size() == 1 && files.get(0).equals(body)) {
        throw new InputException(body, "criterion results are a directory: push it as a tar.gz");
      }
      try {
        done = ingester.ingestCriterion(store, meta, unpacked);
      } catch (IOException e) {
        throw new InputException(body, "cannot read the unpacked criterion directory: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InputException(body, "interrupted while reading the criterion directory");
      }
      if (!done.errors().isEmpty()) {
        answer.put("errors", done.errors().stream().map(InputException::getMessage).toList());
      }
    } else {
      if (files.size() != 1) {
        throw new InputException(
            body, "a " + format.toolName() + " report is one file, not " + files.size());
      }
      done = ingester.ingestFile(store, meta, files.get(0), format);
    }
    answer.put("benchmarks", done.benchmarks());
    return done.outcome();
  }
}
