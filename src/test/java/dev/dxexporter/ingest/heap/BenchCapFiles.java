package dev.dxexporter.ingest.heap;

import dev.dxexporter.collect.bench.ActionBenchmarkReaders;
import dev.dxexporter.collect.bench.CriterionDirectoryReader;
import dev.dxexporter.ingest.BenchmarkIngester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The largest benchmark results the daemon accepts, each just under its cap (JSON output files
 * {@link ActionBenchmarkReaders#DEFAULT_MAX_BYTES}, console output {@link
 * ActionBenchmarkReaders#MAX_CONSOLE_BYTES}, a criterion file {@link
 * CriterionDirectoryReader#DEFAULT_MAX_BYTES}): many benchmarks, every name distinct, shaped like
 * the tools' own output (github-action-benchmark's fixtures, criterion 0.5 files).
 */
public final class BenchCapFiles {
  static final long REPORT_CAP = ActionBenchmarkReaders.DEFAULT_MAX_BYTES;

  /** Benchmarks in a "-wide" report: as many as one report may hold. */
  private static final int WIDE = BenchmarkIngester.MAX_BENCHMARKS;

  private BenchCapFiles() {}

  /** {@code chars} characters of {@code value} repeated, comma-separated. */
  private static String values(long chars, String value) {
    int n = (int) Math.max(1, chars / (value.length() + 1));
    return String.join(",", java.util.Collections.nCopies(n, value));
  }

  /** Writes {@code format}'s results under {@code dir}; returns the size of the largest file. */
  public static long write(String format, Path dir, long asked) throws IOException {
    long bytes =
        CapWriter.underCap(
            switch (format) {
              case "go", "go-wide" -> ActionBenchmarkReaders.MAX_CONSOLE_BYTES;
              case "criterion-sample" -> CriterionDirectoryReader.DEFAULT_MAX_BYTES;
              default -> REPORT_CAP;
            },
            asked);
    return switch (format) {
      case "jmh" -> CapWriter.fill(dir.resolve("bench/out"), bytes, "[", "]", BenchCapFiles::jmh);
      case "pytest" ->
          CapWriter.fill(
              dir.resolve("bench/out"),
              bytes,
              "{\"machine_info\":{\"node\":\"ci\"},\"commit_info\":{\"id\":\"abc\"},\"benchmarks\":[",
              "],\"datetime\":\"2026-12-01T00:00:00\",\"version\":\"4.0.0\"}",
              BenchCapFiles::pytest);
      case "googlecpp" ->
          CapWriter.fill(
              dir.resolve("bench/out"),
              bytes,
              "{\"context\":{\"date\":\"2026-12-01T00:00:00+00:00\",\"num_cpus\":2},\"benchmarks\":[",
              "]}",
              BenchCapFiles::google);
      case "go" ->
          CapWriter.fill(
              dir.resolve("bench/out"),
              bytes,
              "goos: linux\ngoarch: amd64\npkg: example.com/app\n",
              "PASS\nok  \texample.com/app\t3.614s\n",
              i ->
                  "BenchmarkWork"
                      + i
                      + "-8   \t 5000000\t  "
                      + (300 + i % 50)
                      + " ns/op\t  16"
                      + " B/op\t 1 allocs/op\n");
      case "criterion-sample" -> criterionSample(dir.resolve("target/criterion/big"), bytes);
      // The largest accepted reports: BenchmarkIngester.MAX_BENCHMARKS benchmarks, each with as
      // many samples as fill the cap (JMH forks x iterations, pytest rounds, go -count).
      case "jmh-wide" -> {
        String values = values(bytes / WIDE - 400, "1.4512");
        yield CapWriter.write(
            dir.resolve("bench/out"),
            "[",
            "]",
            WIDE,
            i -> jmh(i).replace("\"rawData\":[[1.45,1.5,1.55]]", "\"rawData\":[[" + values + "]]"));
      }
      case "pytest-wide" -> {
        String values = values(bytes / WIDE - 470, "2.2e-05");
        yield CapWriter.write(
            dir.resolve("bench/out"),
            "{\"machine_info\":{\"node\":\"ci\"},\"commit_info\":{\"id\":\"abc\"},\"benchmarks\":[",
            "],\"datetime\":\"2026-12-01T00:00:00\",\"version\":\"4.0.0\"}",
            WIDE,
            i -> pytest(i).replaceFirst("\"data\":\\[[^\\]]*\\]", "\"data\":[" + values + "]"));
      }
      case "go-wide" ->
          CapWriter.fill(
              dir.resolve("bench/out"),
              bytes,
              "goos: linux\ngoarch: amd64\npkg: example.com/app\n",
              "PASS\nok  \texample.com/app\t3.614s\n",
              i ->
                  "BenchmarkWork"
                      + i % WIDE
                      + "-8   \t 5000000\t  "
                      + (300 + i % 50)
                      + " ns/op\t  16"
                      + " B/op\t 1 allocs/op\n");
      default -> throw new IllegalArgumentException("no such format: " + format);
    };
  }

  private static String jmh(int i) {
    return (i == 0 ? "" : ",")
        + "{\"jmhVersion\":\"1.37\",\"benchmark\":\"org.example.Bench.work"
        + i
        + "\",\"mode\":\"avgt\",\"threads\":1,\"forks\":1,\"jvm\":\"/usr/bin/java\",\"jvmArgs\":[],"
        + "\"jdkVersion\":\"17.0.15\",\"warmupIterations\":1,\"measurementIterations\":3,"
        + "\"primaryMetric\":{\"score\":"
        + (1.5 + i % 100)
        + ",\"scoreError\":0.05,\"scoreConfidence\":[1.45,1.55],\"scorePercentiles\":{\"0.0\":1.4,"
        + "\"50.0\":1.5,\"90.0\":1.6,\"100.0\":1.7},\"scoreUnit\":\"us/op\","
        + "\"rawData\":[[1.45,1.5,1.55]]},\"secondaryMetrics\":{}}";
  }

  private static String pytest(int i) {
    StringBuilder data = new StringBuilder();
    for (int k = 0; k < 10; k++) {
      data.append(k == 0 ? "" : ",").append(2.2e-05 + k * 1e-07);
    }
    return (i == 0 ? "" : ",")
        + "{\"group\":null,\"name\":\"test_work_"
        + i
        + "\",\"fullname\":\"bench.py::test_work_"
        + i
        + "\",\"params\":null,\"param\":null,\"extra_info\":{},\"options\":{\"disable_gc\":false,"
        + "\"timer\":\"perf_counter\",\"min_rounds\":5},\"stats\":{\"min\":2.2e-05,\"max\":3.1e-04,"
        + "\"mean\":2.4e-05,\"stddev\":6.1e-06,\"rounds\":10,\"median\":2.23e-05,\"iqr\":1.2e-06,"
        + "\"q1\":2.22e-05,\"q3\":2.35e-05,\"iqr_outliers\":1,\"stddev_outliers\":1,"
        + "\"outliers\":\"1;1\",\"ld15iqr\":2.2e-05,\"hd15iqr\":2.5e-05,\"ops\":41513.27,"
        + "\"total\":2.4e-04,\"data\":["
        + data
        + "],\"iterations\":1}}";
  }

  private static String google(int i) {
    return (i == 0 ? "" : ",")
        + "{\"name\":\"BM_work/"
        + i
        + "\",\"run_name\":\"BM_work/"
        + i
        + "\",\"run_type\":\"iteration\",\"repetitions\":1,\"repetition_index\":0,\"threads\":1,"
        + "\"iterations\":3070566,\"real_time\":"
        + (214.9 + i % 10)
        + ",\"cpu_time\":213.6,\"time_unit\":\"ns\"}";
  }

  /** One criterion benchmark whose {@code new/sample.json} is the large file. */
  private static long criterionSample(Path bench, long bytes) throws IOException {
    Path dir = Files.createDirectories(bench.resolve("new"));
    Files.writeString(
        dir.resolve("benchmark.json"),
        "{\"group_id\":\"big\",\"function_id\":null,\"value_str\":null,\"throughput\":null,"
            + "\"full_id\":\"big\",\"directory_name\":\"big\",\"title\":\"big\"}");
    Files.writeString(
        dir.resolve("estimates.json"),
        "{\"mean\":{\"confidence_interval\":{\"confidence_level\":0.95,\"lower_bound\":44169.5,"
            + "\"upper_bound\":45521.1},\"point_estimate\":44876.7,\"standard_error\":345.5},"
            + "\"median\":{\"confidence_interval\":{\"confidence_level\":0.95,\"lower_bound\":44892.4,"
            + "\"upper_bound\":45732.8},\"point_estimate\":45447.3,\"standard_error\":315.9},"
            + "\"median_abs_dev\":{\"confidence_interval\":{\"confidence_level\":0.95,"
            + "\"lower_bound\":290.7,\"upper_bound\":2264.5},\"point_estimate\":822.6,"
            + "\"standard_error\":500.5},\"slope\":null,\"std_dev\":{\"confidence_interval\":"
            + "{\"confidence_level\":0.95,\"lower_bound\":1022.8,\"upper_bound\":1842.8},"
            + "\"point_estimate\":1578.8,\"standard_error\":208.4}}");
    Files.writeString(dir.resolve("tukey.json"), "[40000.0,42000.0,47000.0,49000.0]");
    // iters then times, together just under the cap:
    // {"sampling_mode":"Flat","iters":[...],"times":[...]}
    StringBuilder iters = new StringBuilder("{\"sampling_mode\":\"Flat\",\"iters\":[");
    StringBuilder times = new StringBuilder("],\"times\":[");
    int n = 0;
    while (iters.length() + times.length() < bytes - 64) {
      iters.append(n == 0 ? "" : ",").append("1.0");
      times.append(n == 0 ? "" : ",").append(44876.7 + (n % 2 == 0 ? 1 : -1)); // mean 44876.7
      n++;
    }
    Files.writeString(dir.resolve("sample.json"), iters.append(times).append("]}"));
    return Files.size(dir.resolve("sample.json"));
  }
}
