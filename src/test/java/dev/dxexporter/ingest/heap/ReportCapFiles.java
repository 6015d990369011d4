package dev.dxexporter.ingest.heap;

import dev.dxexporter.collect.build.CargoTimingsReader;
import dev.dxexporter.collect.build.SccacheStatsReader;
import dev.dxexporter.collect.coverage.bench.CoverageReadBenchmark;
import dev.dxexporter.collect.tests.LargeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The largest test, coverage and cargo-timings reports the daemon accepts, each just under its own
 * cap and shaped like the real thing (many small records, every one distinct): what {@code
 * bench/parse-heap-reports.sh} measures through the real collectors. A size may be asked for
 * instead of the cap, to find what fits a heap.
 */
public final class ReportCapFiles {
  static final long JUNIT_CAP = 1L << 30; // TestReportSource.Defaults.BUILT_IN
  static final long COVERAGE_CAP = 512L << 20; // CoverageSource.Defaults.BUILT_IN
  static final long TIMINGS_CAP = CargoTimingsReader.MAX_BYTES;
  static final long CCACHE_CAP = SccacheStatsReader.DEFAULT_MAX_BYTES; // CompilerCacheFile

  /** The generators below stop after the target, by up to one suite or source file. */
  private static final long WHOLE_RECORD = 128L << 10;

  /** Every format {@link #write} knows. */
  static final java.util.List<String> FORMATS =
      java.util.List.of(
          "junit",
          "lcov",
          "lcov-small",
          "cobertura",
          "jacoco",
          "cargo-timings",
          "ccache",
          "sccache");

  private ReportCapFiles() {}

  /** Writes {@code format}'s report under {@code dir}; returns its size. */
  public static long write(String format, Path dir, long asked) throws IOException {
    return switch (format) {
      case "junit" -> {
        Path f = Files.createDirectories(dir.resolve("reports")).resolve("TEST-large.xml");
        LargeReport.write(f, CapWriter.underCap(JUNIT_CAP - WHOLE_RECORD, asked));
        yield Files.size(f);
      }
      case "lcov" -> {
        Path f = Files.createDirectories(dir.resolve("coverage")).resolve("lcov.info");
        CoverageReadBenchmark.writeLcov(f, CapWriter.underCap(COVERAGE_CAP - WHOLE_RECORD, asked));
        yield Files.size(f);
      }
      case "cobertura" -> {
        Path f = Files.createDirectories(dir.resolve("coverage")).resolve("coverage.xml");
        CoverageReadBenchmark.writeCobertura(
            f, CapWriter.underCap(COVERAGE_CAP - WHOLE_RECORD, asked));
        yield Files.size(f);
      }
      case "lcov-small" ->
          CapWriter.fill(
              dir.resolve("coverage/lcov.info"),
              CapWriter.underCap(COVERAGE_CAP, asked),
              "",
              "",
              ReportCapFiles::smallLcovFile);
      case "jacoco" ->
          CapWriter.fill(
              dir.resolve("coverage/jacoco.xml"),
              CapWriter.underCap(COVERAGE_CAP, asked),
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!DOCTYPE report"
                  + " PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">\n"
                  + "<report name=\"app\">\n<sessioninfo id=\"s\" start=\"1\" dump=\"2\"/>\n",
              "<counter type=\"LINE\" missed=\"1\" covered=\"3\"/>\n"
                  + "<counter type=\"BRANCH\" missed=\"1\" covered=\"1\"/>\n</report>\n",
              ReportCapFiles::jacocoPackage);
      case "cargo-timings" ->
          CapWriter.fill(
              dir.resolve("target/cargo-timings/cargo-timing.html"),
              CapWriter.underCap(TIMINGS_CAP, asked),
              "<html><body>\n<table class=\"my-table summary-table\">\n"
                  + "<tr>\n<td>Profile:</td><td>dev</td>\n</tr>\n"
                  + "<tr>\n<td>Total time:</td><td>300.0s</td>\n</tr>\n</table>\n"
                  + "<script>\nconst UNIT_DATA = [\n",
              "\n];\n</script>\n</body></html>\n",
              ReportCapFiles::cargoUnit);
      case "ccache" -> // --print-stats: ccache's own ids, then ids it may add later (kept too)
          CapWriter.fill(
              dir.resolve("ccache-stats.txt"),
              CapWriter.underCap(CCACHE_CAP, asked),
              "stats_updated_timestamp\t1764600000\ndirect_cache_hit\t1200\n"
                  + "preprocessed_cache_hit\t300\ncache_miss\t500\ncalled_for_link\t40\n",
              "",
              i -> "future_counter_" + i + "\t" + i + "\n");
      case "sccache" -> // --show-stats --stats-format=json: sccache's counters, then future ones
          CapWriter.fill(
              dir.resolve("sccache-stats.json"),
              CapWriter.underCap(CCACHE_CAP, asked),
              "{\"stats\":{\"compile_requests\":1700,\"requests_executed\":1500,"
                  + "\"cache_hits\":{\"counts\":{\"Rust\":1200}},"
                  + "\"cache_misses\":{\"counts\":{\"Rust\":300}},",
              "\"cache_errors\":{\"counts\":{}}},\"cache_location\":\"Local disk\"}\n",
              i -> "\"future_counter_" + i + "\":" + i + ",");
      default -> throw new IllegalArgumentException("no such format: " + format);
    };
  }

  /** One source file of 20 lines, 2 branches, 1 function: a tiny module of a huge monorepo. */
  private static String smallLcovFile(int i) {
    StringBuilder s = new StringBuilder(512);
    s.append("SF:/build/project/src/m").append(i / 1000).append("/f").append(i).append(".c\n");
    s.append("FN:1,f").append(i).append("\nFNDA:1,f").append(i).append('\n');
    for (int line = 1; line <= 20; line++) {
      s.append("DA:").append(line).append(',').append((i + line) % 3).append('\n');
    }
    s.append("BRDA:2,0,0,1\nBRDA:2,0,1,-\nend_of_record\n");
    return s.toString();
  }

  private static String jacocoPackage(int i) {
    String pkg = "com/example/p" + i;
    StringBuilder s = new StringBuilder(2048);
    s.append("<package name=\"").append(pkg).append("\">\n");
    s.append("<class name=\"").append(pkg).append("/C\" sourcefilename=\"C.java\">\n");
    s.append("<method name=\"run\" desc=\"()V\" line=\"3\">\n")
        .append("<counter type=\"INSTRUCTION\" missed=\"2\" covered=\"9\"/>\n")
        .append("<counter type=\"LINE\" missed=\"1\" covered=\"3\"/>\n")
        .append("<counter type=\"METHOD\" missed=\"0\" covered=\"1\"/>\n</method>\n");
    s.append("<counter type=\"LINE\" missed=\"1\" covered=\"3\"/>\n</class>\n");
    s.append("<sourcefile name=\"C.java\">\n");
    for (int line = 3; line <= 6; line++) {
      s.append("<line nr=\"")
          .append(line)
          .append("\" mi=\"")
          .append(line == 6 ? 2 : 0)
          .append("\" ci=\"")
          .append(line == 6 ? 0 : 3)
          .append("\" mb=\"0\" cb=\"0\"/>\n");
    }
    s.append("<counter type=\"LINE\" missed=\"1\" covered=\"3\"/>\n</sourcefile>\n");
    s.append("<counter type=\"LINE\" missed=\"1\" covered=\"3\"/>\n</package>\n");
    return s.toString();
  }

  /** One unit of cargo 1.95's UNIT_DATA: a crate with a frontend and a codegen section. */
  private static String cargoUnit(int i) {
    return (i == 0 ? "" : ",\n")
        + "{\"i\":"
        + i
        + ",\"name\":\"crate-"
        + i
        + "\",\"version\":\"0.1."
        + i % 7
        + "\",\"mode\":\"todo\",\"target\":\"\",\"features\":[\"default\",\"std\"],\"start\":"
        + (i % 1000) * 0.25
        + ",\"duration\":1.5,\"unblocked_units\":["
        + (i + 1)
        + "],\"unblocked_rmeta_units\":[],\"sections\":[[\"frontend\",{\"start\":0.0,\"end\":0.9}],"
        + "[\"codegen\",{\"start\":0.9,\"end\":1.5}]]}";
  }
}
