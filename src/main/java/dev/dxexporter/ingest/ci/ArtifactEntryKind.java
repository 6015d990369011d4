package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.bench.BenchmarkFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an artifact entry holds, told by its name and, for XML (JUnit, Cobertura and JaCoCo all use
 * it) and JSON (the benchmark formats), by its content: artifacts are named by the workflow, not by
 * their format.
 */
enum ArtifactEntryKind {
  JUNIT,
  COVERAGE,
  /** One output file of a benchmark format collect/bench reads (JMH, pytest, ...). */
  BENCHMARK,
  /**
   * A cargo {@code --timings} HTML report ({@code cargo-timing.html}, {@code cargo-timing-*.html}).
   */
  TIMINGS,
  OTHER;

  /** Bytes read to find the root element: past the XML declaration, a DOCTYPE and comments. */
  private static final int SNIFF_BYTES = 8192;

  /** Bytes of a JSON entry searched for a benchmark format's markers. */
  private static final int JSON_SNIFF_BYTES = 64 * 1024;

  /** The files criterion writes per benchmark, in {@code new/}, {@code base/}, {@code change/}. */
  private static final Set<String> CRITERION_FILES =
      Set.of("estimates.json", "sample.json", "benchmark.json", "tukey.json");

  private static final Set<String> CRITERION_DIRS = Set.of("new", "base", "change");

  private static final Pattern ROOT =
      Pattern.compile("<(?![?!])([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  /** Whether an entry of this name may be a report at all: worth writing to disk. */
  static boolean candidate(String entry) {
    String lower = entry.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xml")
        || lower.endsWith(".info")
        || lower.endsWith(".lcov")
        || lower.endsWith(".json")
        || timings(lower.substring(lower.lastIndexOf('/') + 1));
  }

  private static boolean timings(String lowerFileName) {
    return lowerFileName.startsWith("cargo-timing") && lowerFileName.endsWith(".html");
  }

  /**
   * Whether the entry is a file of a criterion result directory ({@code <id>/new/estimates.json}
   * and its siblings): kept with its path, since criterion's tree is read as a whole.
   */
  static boolean criterion(String entry) {
    String[] segments = entry.split("/");
    if (segments.length < 2) {
      return false;
    }
    String file = segments[segments.length - 1];
    // benchmark.json is a common name of other tools' output (pytest --benchmark-json): only in
    // criterion's own directories; the other three names are criterion's alone.
    return CRITERION_FILES.contains(file)
        && (CRITERION_DIRS.contains(segments[segments.length - 2])
            || !file.equals("benchmark.json"));
  }

  static ArtifactEntryKind of(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".info") || name.endsWith(".lcov")) {
      return COVERAGE;
    }
    // Flattened names keep their directories before '_': target_cargo-timings_cargo-timing.html.
    if (timings(name.substring(name.lastIndexOf('_') + 1)) || timings(name)) {
      return TIMINGS;
    }
    if (name.endsWith(".json")) {
      return BenchmarkFormat.detect(head(file, JSON_SNIFF_BYTES)).isPresent() ? BENCHMARK : OTHER;
    }
    if (!name.endsWith(".xml")) {
      return OTHER;
    }
    String text = COMMENT.matcher(head(file, SNIFF_BYTES)).replaceAll("");
    Matcher m = ROOT.matcher(text);
    if (!m.find()) {
      return OTHER;
    }
    return switch (m.group(2)) {
      case "testsuites", "testsuite", "testrun" -> JUNIT;
      // Cobertura (and coverage.py, which writes it) and JaCoCo.
      case "coverage", "report" -> COVERAGE;
      default -> OTHER;
    };
  }

  private static String head(Path file, int bytes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
    }
  }
}
