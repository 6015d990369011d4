package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one benchmark output file in any format github-action-benchmark extracts (see {@link
 * BenchmarkFormat}), named or detected from the content. Files are read through {@link
 * BoundedFiles} (size cap, optional confinement, strict UTF-8). Every failure is an {@link
 * InputException} naming the file and, where known, the line and column (text formats, JSON syntax)
 * or the JSON path (bad values); a file with no benchmark in it is an error too, as in
 * github-action-benchmark. Thread-safe.
 */
public final class ActionBenchmarkReaders {
  /**
   * The default largest output file. JSON outputs are one Jackson tree plus the results, about 12
   * bytes of heap per byte (bench/parse-heap-reports.sh): 8 MiB reads in 96 MiB, while 64 MiB did
   * not read in 512 MiB.
   */
  public static final long DEFAULT_MAX_BYTES = 8L << 20;

  /**
   * The largest console output (cargo, go, Catch2, benchmark.js, Luau), whatever the file limit:
   * there every line of some 80 bytes is a benchmark of its own, about 50 bytes of heap per byte,
   * so 2 MiB (some 25,000 benchmarks) reads in 96 MiB and 4 MiB did not read in 128 MiB.
   */
  public static final long MAX_CONSOLE_BYTES = 2L << 20;

  private final BoundedFiles files;
  private final JsonDocuments json;

  public ActionBenchmarkReaders(BoundedFiles files) {
    this.files = files;
    this.json = new JsonDocuments(files);
  }

  public ActionBenchmarkReaders() {
    this(new BoundedFiles(DEFAULT_MAX_BYTES));
  }

  /** The file's results, its format detected from the content. */
  public List<BenchmarkResult> read(Path file) throws InputException {
    return parse(files.readBytes(file), file, null);
  }

  /** The file's results in the given format. */
  public List<BenchmarkResult> read(Path file, BenchmarkFormat format) throws InputException {
    return parse(files.readBytes(file), file, format);
  }

  /**
   * Results from bytes received some other way (an upload); {@code name} names them in errors,
   * {@code format} null means detect.
   */
  public List<BenchmarkResult> parse(byte[] content, Path name, BenchmarkFormat format)
      throws InputException {
    if (content.length > files.maxBytes()) {
      throw new InputException(name, "larger than the limit of " + files.maxBytes() + " bytes");
    }
    String text;
    try {
      text = BoundedFiles.utf8(content);
    } catch (CharacterCodingException e) {
      throw new InputException(name, "not valid UTF-8", e);
    }
    BenchmarkFormat f = format;
    if (f == null) {
      f =
          BenchmarkFormat.detect(text)
              .orElseThrow(
                  () ->
                      new InputException(
                          name,
                          "not a benchmark output format this reader knows; custom JSON must be"
                              + " named customBiggerIsBetter or customSmallerIsBetter"));
    }
    if (f.isConsoleOutput() && content.length > MAX_CONSOLE_BYTES) {
      throw new InputException(
          name,
          f.toolName()
              + " console output is larger than the limit of "
              + MAX_CONSOLE_BYTES
              + " bytes (one benchmark a line: its results would not fit the heap)");
    }
    List<BenchmarkResult> results =
        switch (f) {
          case CARGO -> new CargoBenchReader().read(text, name);
          case GO -> new GoBenchReader().read(text, name);
          case CATCH2 -> new Catch2Reader().read(text, name);
          case BENCHMARK_JS -> new BenchmarkJsReader().read(text, name);
          case LUAU -> new LuauBenchmarkReader().read(text, name);
          case JMH -> new JmhReader().read(tree(content, name), name);
          case PYTEST -> new PytestBenchmarkReader().read(tree(content, name), name);
          case GOOGLE_BENCHMARK -> new GoogleBenchmarkReader().read(tree(content, name), name);
          case BENCHMARK_DOTNET -> new BenchmarkDotNetReader().read(tree(content, name), name);
          case JULIA -> new JuliaBenchmarkReader().read(tree(content, name), name);
          case CUSTOM_BIGGER_IS_BETTER, CUSTOM_SMALLER_IS_BETTER ->
              new CustomBenchmarkReader(f).read(tree(content, name), name);
          case CRITERION ->
              throw new InputException(
                  name, "criterion results are a directory: use CriterionDirectoryReader");
        };
    if (results.isEmpty()) {
      throw new InputException(name, "no benchmark results found in " + f.toolName() + " output");
    }
    return results;
  }

  private JsonNode tree(byte[] content, Path name) throws InputException {
    return json.parse(content, name);
  }
}
