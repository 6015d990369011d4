package dev.dxexporter.collect.build;

import dev.dxexporter.collect.build.CompilerCacheStats.LanguageCounts;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain {@code sccache --show-stats}: {@code Label<padding>value} lines as {@code
 * ServerStats::print} writes them, per-language lines {@code Cache hits (Rust)}, then the sections
 * "Successful distributed compiles" and "Non-cacheable reasons:", then location, version and sizes.
 * Labels are matched exactly (longest first), so a label with spaces never swallows its value;
 * unknown lines (a newer sccache) are skipped. Derived lines (rates, averages) are not read.
 * Per-language keys without an upper-case letter ({@code rust}, {@code c [gcc]}) are {@code
 * --show-adv-stats} keys, and go to {@code byCompiler}.
 */
final class SccacheTextStats {
  /** Text label → the JSON counter it prints. */
  private static final Map<String, String> COUNTERS =
      Map.ofEntries(
          Map.entry("Compile requests", "compile_requests"),
          Map.entry("Compile requests executed", "requests_executed"),
          Map.entry("Cache hits", "cache_hits"),
          Map.entry("Cache misses", "cache_misses"),
          Map.entry("Cache timeouts", "cache_timeouts"),
          Map.entry("Cache read errors", "cache_read_errors"),
          Map.entry("Forced recaches", "forced_recaches"),
          Map.entry("Cache write errors", "cache_write_errors"),
          Map.entry("Compilations", "compilations"),
          Map.entry("Compilation failures", "compile_fails"),
          Map.entry("Cache errors", "cache_errors"),
          Map.entry("Non-cacheable compilations", "non_cacheable_compilations"),
          Map.entry("Non-cacheable calls", "requests_not_cacheable"),
          Map.entry("Non-compilation calls", "requests_not_compile"),
          Map.entry("Unsupported compiler calls", "requests_unsupported_compiler"),
          Map.entry("Failed distributed compilations", "dist_errors"));

  private static final List<String> LABELS_LONGEST_FIRST =
      COUNTERS.keySet().stream()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  /** Lines derived from counters (rates, averages) or not numeric: not read. */
  private static final List<String> SKIPPED =
      List.of("Cache hits rate", "Average ", "Cache location ", "Use direct/preprocessor mode?");

  private static final List<String> SIZE_UNITS =
      List.of("bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB");

  private static final Pattern PER_LANGUAGE =
      Pattern.compile("^(Cache hits|Cache misses|Cache errors) \\((.*)\\)\\s+(\\S+)$");
  private static final Pattern SECTION_ENTRY = Pattern.compile("^\\s*(.*?\\S)\\s+(\\S+)$");
  private static final Pattern SIZE = Pattern.compile("^(\\d{1,15}) (bytes|[KMGTPE]iB)$");
  private static final Pattern NUMBER = Pattern.compile("^\\d{1,18}$");

  private SccacheTextStats() {}

  static CompilerCacheStats parse(String text, Path file) throws InputException {
    Map<String, Long> counters = new HashMap<>();
    Map<String, LanguageCounts> byLanguage = new HashMap<>();
    Map<String, LanguageCounts> byCompiler = new HashMap<>();
    Map<String, Long> reasons = new HashMap<>();
    OptionalLong size = OptionalLong.empty();
    OptionalLong maxSize = OptionalLong.empty();
    Optional<String> version = Optional.empty();
    long distCompiles = 0;
    String section = null;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripTrailing();
      int lineNumber = i + 1;
      if (line.isBlank()) {
        section = null;
        continue;
      }
      if (line.equals("Non-cacheable reasons:") || line.equals("Successful distributed compiles")) {
        section = line;
        continue;
      }
      if (section != null) {
        Matcher entry = SECTION_ENTRY.matcher(line);
        if (!entry.matches()) {
          throw new InputException(file, lineNumber, 0, "not `name count` under " + section);
        }
        long n = number(entry.group(2), file, lineNumber, entry.group(1));
        if (section.startsWith("Non-cacheable")) {
          reasons.merge(entry.group(1), n, Long::sum);
        } else {
          distCompiles += n;
        }
        continue;
      }
      if (SKIPPED.stream().anyMatch(line::startsWith)) {
        continue;
      }
      Matcher language = PER_LANGUAGE.matcher(line);
      if (language.matches()) {
        String key = language.group(2);
        long n = number(language.group(3), file, lineNumber, language.group(1) + " (" + key + ")");
        String kind = language.group(1);
        LanguageCounts counts =
            new LanguageCounts(
                kind.equals("Cache hits") ? n : 0,
                kind.equals("Cache misses") ? n : 0,
                kind.equals("Cache errors") ? n : 0);
        boolean advanced = key.equals(key.toLowerCase(Locale.ROOT));
        (advanced ? byCompiler : byLanguage).merge(key, counts, LanguageCounts::plus);
        continue;
      }
      String label = label(line);
      if (label != null) {
        String value = line.substring(label.length()).strip();
        counters.put(COUNTERS.get(label), number(value, file, lineNumber, label));
      } else if (line.startsWith("Version (client) ")) {
        version = Optional.of(line.substring("Version (client) ".length()).strip());
      } else if (line.startsWith("Max cache size ")) {
        maxSize = size(line.substring("Max cache size ".length()).strip(), file, lineNumber);
      } else if (line.startsWith("Cache size ")) {
        size = size(line.substring("Cache size ".length()).strip(), file, lineNumber);
      }
    }
    if (!counters.containsKey("compile_requests")) {
      throw new InputException(file, "no `Compile requests` line: not sccache --show-stats output");
    }
    counters.put("dist_compiles", distCompiles);
    return new CompilerCacheStats(
        file,
        "sccache",
        counters.getOrDefault("cache_hits", 0L),
        counters.getOrDefault("cache_misses", 0L),
        counters.getOrDefault("cache_errors", 0L),
        counters.getOrDefault("requests_not_cacheable", 0L),
        byLanguage,
        byCompiler,
        reasons,
        counters,
        size,
        maxSize,
        version);
  }

  /** The counter label {@code line} starts with, followed by padding; null when none. */
  private static String label(String line) {
    for (String label : LABELS_LONGEST_FIRST) {
      if (line.startsWith(label)
          && line.length() > label.length()
          && Character.isWhitespace(line.charAt(label.length()))) {
        return label;
      }
    }
    return null;
  }

  private static long number(String value, Path file, int line, String what) throws InputException {
    if (!NUMBER.matcher(value).matches()) {
      throw new InputException(file, line, 0, what + ": `" + value + "` is not a count");
    }
    return BuildNumbers.count(Long.parseLong(value), file, line, what);
  }

  /** "21 KiB" as bytes, to the unit printed. */
  private static OptionalLong size(String value, Path file, int line) throws InputException {
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new InputException(file, line, 0, "cache size `" + value + "` is not `N unit`");
    }
    int power = SIZE_UNITS.indexOf(m.group(2));
    long n = Long.parseLong(m.group(1));
    if (power > 0 && n >= (1L << (63 - 10 * power))) {
      throw new InputException(file, line, 0, "cache size `" + value + "` is absurd");
    }
    return OptionalLong.of(n << (10 * power));
  }
}
