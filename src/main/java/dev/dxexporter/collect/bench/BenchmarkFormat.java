package dev.dxexporter.collect.bench;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The benchmark output formats read here: criterion.rs result directories, and every format
 * github-action-benchmark extracts (its {@code tool} input names them, see {@link #toolName()}).
 */
public enum BenchmarkFormat {
  /**
   * criterion.rs {@code target/criterion/<id>/{new,base,change}/} ({@link
   * CriterionDirectoryReader}).
   */
  CRITERION("criterion"),
  /** {@code cargo bench} with libtest, or criterion's {@code --output-format bencher}. */
  CARGO("cargo"),
  /** {@code go test -bench} (with {@code -benchmem}, {@code -count}, {@code -cpu}). */
  GO("go"),
  /** JMH {@code -rf json}. */
  JMH("jmh"),
  /** pytest-benchmark {@code --benchmark-json} and its {@code .benchmarks/} autosaves. */
  PYTEST("pytest"),
  /** Google Benchmark {@code --benchmark_format=json} / {@code --benchmark_out}. */
  GOOGLE_BENCHMARK("googlecpp"),
  /** BenchmarkDotNet's JSON exporter ({@code *-report-full.json} or brief). */
  BENCHMARK_DOTNET("benchmarkdotnet"),
  /** Catch2 v2 and v3 console output of {@code BENCHMARK}s. */
  CATCH2("catch2"),
  /** benchmark.js console output ({@code name x 1,234 ops/sec ±0.5% (90 runs sampled)}). */
  BENCHMARK_JS("benchmarkjs"),
  /** Julia BenchmarkTools {@code BenchmarkTools.save} JSON. */
  JULIA("julia"),
  /** Luau's bench runner output ({@code SUCCESS: name : 15.041ms +/- 0.636% on luau}). */
  LUAU("benchmarkluau"),
  /** github-action-benchmark's custom JSON, bigger values better. */
  CUSTOM_BIGGER_IS_BETTER("customBiggerIsBetter"),
  /** github-action-benchmark's custom JSON, smaller values better. */
  CUSTOM_SMALLER_IS_BETTER("customSmallerIsBetter");

  private static final Pattern CARGO_LINE =
      Pattern.compile("(?m)^test .+ \\.\\.\\. bench:\\s+[0-9,.]+ \\S+ \\(\\+/- [0-9,.]+\\)\\s*$");
  private static final Pattern GO_LINE =
      Pattern.compile("(?m)^Benchmark\\S*\\s+\\d+\\s+[0-9.eE+-]+ \\S+");
  private static final Pattern CATCH2_HEADER =
      Pattern.compile("(?m)^benchmark name +samples +iterations +(estimated|est run time)");
  private static final Pattern BENCHMARK_JS_LINE =
      Pattern.compile("(?m) x [0-9,.]+ \\S+ (±|\\+-)[^%\\n]+% \\(\\d+ runs? sampled\\)\\s*$");
  private static final Pattern LUAU_LINE = Pattern.compile("(?m)^SUCCESS: .+ : .+ on \\S+");

  private final String toolName;

  BenchmarkFormat(String toolName) {
    this.toolName = toolName;
  }

  /** Whether the output is console text, one line (or a few) per benchmark, rather than JSON. */
  public boolean isConsoleOutput() {
    return this == CARGO || this == GO || this == CATCH2 || this == BENCHMARK_JS || this == LUAU;
  }

  /** github-action-benchmark's name of the tool ({@code tool:} input), e.g. {@code googlecpp}. */
  public String toolName() {
    return toolName;
  }

  /** The format of a github-action-benchmark {@code tool} name (case-insensitive). */
  public static Optional<BenchmarkFormat> ofToolName(String name) {
    for (BenchmarkFormat f : values()) {
      if (f.toolName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * The format of a benchmark file's content, from markers each format always has. Empty when none
   * is recognised, and for custom JSON: whether bigger or smaller is better is not in the file, so
   * the caller must name {@link #CUSTOM_BIGGER_IS_BETTER} or {@link #CUSTOM_SMALLER_IS_BETTER}.
   * Criterion is a directory, not a file, and is never detected here.
   */
  public static Optional<BenchmarkFormat> detect(String content) {
    String head = content.stripLeading();
    if (head.startsWith("{") || head.startsWith("[")) {
      return detectJson(content);
    }
    for (BenchmarkFormat f : new BenchmarkFormat[] {CATCH2, LUAU, CARGO, GO, BENCHMARK_JS}) {
      if (f.textPattern().matcher(content).find()) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private Pattern textPattern() {
    return switch (this) {
      case CARGO -> CARGO_LINE;
      case GO -> GO_LINE;
      case CATCH2 -> CATCH2_HEADER;
      case BENCHMARK_JS -> BENCHMARK_JS_LINE;
      case LUAU -> LUAU_LINE;
      default -> throw new IllegalStateException(name() + " is not a text format");
    };
  }

  private static Optional<BenchmarkFormat> detectJson(String json) {
    if (json.contains("\"jmhVersion\"") || json.contains("\"primaryMetric\"")) {
      return Optional.of(JMH);
    }
    if (json.contains("\"machine_info\"") && json.contains("\"benchmarks\"")) {
      return Optional.of(PYTEST);
    }
    if (json.contains("\"HostEnvironmentInfo\"") || json.contains("\"Benchmarks\"")) {
      return Optional.of(BENCHMARK_DOTNET);
    }
    if (json.contains("\"context\"") && json.contains("\"time_unit\"")) {
      return Optional.of(GOOGLE_BENCHMARK);
    }
    if (json.contains("\"BenchmarkTools\"") || json.contains("\"BenchmarkGroup\"")) {
      return Optional.of(JULIA);
    }
    return Optional.empty();
  }
}
