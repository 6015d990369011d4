package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken input gives a located {@link InputException}, never a crash or a silent zero; a criterion
 * tree with broken benchmarks still returns the good ones.
 */
class BadInputTest {
  private static final Path DEDUPLICATE =
      CriterionFixturesTest.FIXTURES.resolve("deduplicate/target/criterion");
  private static final String MOKA = "get/moka get/1024";

  @TempDir Path tmp;

  private final ActionBenchmarkReaders readers = new ActionBenchmarkReaders();

  private InputException parse(String content, BenchmarkFormat format) {
    try {
      readers.parse(content.getBytes(StandardCharsets.UTF_8), Path.of("bench.out"), format);
    } catch (InputException e) {
      return e;
    }
    throw new AssertionError("no error for " + content);
  }

  private Path tree() throws Exception {
    Path root = tmp.resolve("criterion");
    CriterionLayoutsTest.copyTree(DEDUPLICATE, root);
    return root;
  }

  @Test
  void treeReportsEachBrokenBenchmarkAndKeepsTheRest() throws Exception {
    Path root = tree();
    Path truncated = root.resolve(MOKA).resolve("new/estimates.json");
    String json = Files.readString(truncated);
    Files.writeString(truncated, json.substring(0, json.length() / 2)); // criterion mid-write
    Path empty = root.resolve("get/moka get/0/new/estimates.json");
    Files.writeString(empty, ""); // just created by File::create
    Path mixed = root.resolve("get/moka get/64/new/sample.json");
    Files.writeString(
        mixed, Files.readString(mixed).replaceFirst("\"times\":\\[[0-9.]+", "\"times\":[1.0"));
    Files.delete(root.resolve("get/moka get/128/new/sample.json"));
    Path badBaseline = root.resolve("get/moka get/512/0.3.2/estimates.json");
    Files.writeString(badBaseline, "{\"mean\":{\"point_estimate\":null}}"); // serde's NaN

    CriterionReport report = new CriterionDirectoryReader().readTree(root);
    assertThat(report.errors()).extracting(InputException::getMessage).hasSize(5);
    assertThat(report.benchmarks()).hasSize(14); // 18 - 4 broken latest runs
    assertThat(report.errors()).hasSize(5);
    assertThat(report.errors())
        .anySatisfy(
            e -> {
              assertThat(e.file()).isEqualTo(truncated);
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isPositive();
              assertThat(e.problem()).startsWith("not valid JSON");
            })
        .anySatisfy(e -> assertThat(e.getMessage()).isEqualTo(empty + ": empty JSON document"))
        .anySatisfy(
            e ->
                assertThat(e.getMessage())
                    .startsWith(mixed.resolveSibling("estimates.json") + ": mean ")
                    .contains("the files come from different runs"))
        .anySatisfy(e -> assertThat(e.getMessage()).endsWith("sample.json: file not found"))
        .anySatisfy(
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        badBaseline
                            + ": at mean.point_estimate: expected a number, found null (NaN or"
                            + " infinity in the writer?)"));
    // The benchmark whose named baseline is broken is still there, without that baseline.
    assertThat(report.benchmarks())
        .filteredOn(b -> b.id().fullId().equals("get/moka get/512"))
        .singleElement()
        .satisfies(b -> assertThat(b.baselines()).containsOnlyKeys("0.3.6", "base"));
  }

  @Test
  void consoleOutputOverItsCapIsRefusedNamingTheFileAndTheLimitWhileOneAtTheCapReads()
      throws Exception {
    String line = "BenchmarkFib10-8   \t 5000000\t       325 ns/op\n";
    int lines = (int) (ActionBenchmarkReaders.MAX_CONSOLE_BYTES / line.length());
    String atCap = line.repeat(lines);
    assertThat(readers.parse(atCap.getBytes(StandardCharsets.UTF_8), Path.of("go.txt"), null))
        .singleElement() // one benchmark run -count times
        .satisfies(r -> assertThat(r.samples().originalCount()).isEqualTo(lines));
    InputException e = parse(atCap + line.repeat(lines / 10 + 1), BenchmarkFormat.GO);
    assertThat(e.file()).isEqualTo(Path.of("bench.out"));
    assertThat(e.problem())
        .isEqualTo(
            "go console output is larger than the limit of 2097152 bytes (one benchmark a line:"
                + " its results would not fit the heap)");
  }

  @Test
  void aJsonOutputOverTheDefaultLimitIsRefusedNamingTheFile() throws Exception {
    Path huge = tmp.resolve("huge.json");
    Files.writeString(huge, "[" + " ".repeat((int) ActionBenchmarkReaders.DEFAULT_MAX_BYTES) + "]");
    assertThatThrownBy(() -> readers.read(huge, BenchmarkFormat.JMH))
        .isInstanceOf(InputException.class)
        .hasMessage(huge + ": file is larger than the limit of 8388608 bytes");
  }

  @Test
  void hugeSampleFileIsRefusedByTheCap() throws Exception {
    Path root = tree();
    Path sample = root.resolve(MOKA).resolve("new/sample.json");
    CriterionDirectoryReader small = new CriterionDirectoryReader(new BoundedFiles(1024));
    assertThatThrownBy(() -> small.readBenchmark(sample.getParent().getParent()))
        .isInstanceOf(InputException.class)
        .hasMessage(sample + ": file is larger than the limit of 1024 bytes");
  }

  @Test
  void missingLatestRun() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty/bench"));
    assertThatThrownBy(() -> new CriterionDirectoryReader().readBenchmark(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("new/estimates.json") + ": file not found");
  }

  @Test
  void nonFiniteNegativeAndAbsurdNumbers() {
    String pytest =
        "{\"machine_info\":{},\"benchmarks\":[{\"fullname\":\"t.py::x\",\"stats\":{\"mean\":%s,"
            + "\"ops\":1,\"rounds\":1}}]}";
    InputException nan = parse(String.format(pytest, "NaN"), BenchmarkFormat.PYTEST);
    assertThat(nan.line()).isEqualTo(1);
    assertThat(nan.column()).isPositive();
    assertThat(nan.problem()).startsWith("not valid JSON").contains("NaN");
    assertThat(parse(String.format(pytest, "-1.5"), BenchmarkFormat.PYTEST).getMessage())
        .isEqualTo("bench.out: at benchmarks[0].stats: value is negative: -1.5");
    assertThat(parse(String.format(pytest, "1e300"), BenchmarkFormat.PYTEST).getMessage())
        .contains("absurd duration");

    InputException cargo =
        parse(
            "running 1 test\ntest big ... bench: 99,999,999,999,999,999 ns/iter (+/- 1)\n",
            BenchmarkFormat.CARGO);
    assertThat(cargo.line()).isEqualTo(2);
    assertThat(cargo.column()).isEqualTo(21); // the value after "bench: "
    assertThat(cargo.problem()).contains("absurd duration");

    InputException go = parse("pkg: x\nBenchmarkX-8   100   NaN ns/op\n", BenchmarkFormat.GO);
    assertThat(go.line()).isEqualTo(2);
    assertThat(go.problem()).isEqualTo("value of ns/op is not a finite number: NaN");
  }

  @Test
  void truncatedTextFormats() {
    String catch2 =
        "benchmark name   samples   iterations   estimated\n"
            + "-----------------------------------------------\n"
            + "Fibonacci 10          100           208     7.1968 ms \n";
    InputException e = parse(catch2, BenchmarkFormat.CATCH2);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.problem()).isEqualTo("expected the mean line of benchmark 'Fibonacci 10'");
    assertThat(parse("[{\"benchmark\":\"x\"", BenchmarkFormat.JMH).problem())
        .startsWith("not valid JSON");
  }

  @Test
  void unknownEmptyAndMalformedFiles() {
    assertThat(parse("hello\n", null).problem()).startsWith("not a benchmark output format");
    assertThat(parse("[{\"name\":\"a\",\"value\":1,\"unit\":\"ms\"}]", null).problem())
        .contains("customBiggerIsBetter or customSmallerIsBetter");
    assertThat(parse("nothing here\n", BenchmarkFormat.GO).problem())
        .isEqualTo("no benchmark results found in go output");
    assertThat(parse("{\"benchmarks\":3,\"machine_info\":{}}", BenchmarkFormat.PYTEST).problem())
        .isEqualTo("pytest-benchmark JSON needs a `benchmarks` array");
    assertThat(parse("{}", BenchmarkFormat.JMH).problem())
        .isEqualTo("JMH JSON must be an array of benchmark runs");
    InputException utf8 = null;
    try {
      readers.parse(
          new byte[] {'t', (byte) 0xC3, '(', '\n'}, Path.of("bench.out"), BenchmarkFormat.GO);
    } catch (InputException ex) {
      utf8 = ex;
    }
    assertThat(utf8).isNotNull().hasMessage("bench.out: not valid UTF-8");
  }
}
