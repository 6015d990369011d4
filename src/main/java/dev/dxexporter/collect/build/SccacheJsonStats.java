package dev.dxexporter.collect.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.build.CompilerCacheStats.LanguageCounts;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code --stats-format=json}: {@code {"stats": ServerStats, "cache_location", "cache_size",
 * "max_cache_size"}}, plus {@code "version"} and {@code "use_preprocessor_cache_mode"} in sccache
 * 0.7+. In {@code ServerStats}, {@code cache_hits}, {@code cache_misses} and {@code cache_errors}
 * are per-language counts ({@code {"counts": {"Rust": 2}}}, with {@code "adv_counts"} per language
 * and compiler since 0.7; plain numbers before 0.2.14), {@code not_cached} and {@code
 * dist_compiles} maps of counts, durations {@code {"secs", "nanos"}} objects (not read), and every
 * other field a counter.
 */
final class SccacheJsonStats {
  private static final String[] PER_LANGUAGE = {"cache_hits", "cache_misses", "cache_errors"};

  private SccacheJsonStats() {}

  static CompilerCacheStats parse(JsonNode root, Path file) throws InputException {
    JsonNode stats = root.get("stats");
    if (!root.isObject() || stats == null || !stats.isObject()) {
      throw new InputException(
          file, "no `stats` object: not the output of sccache --show-stats --stats-format=json");
    }
    Map<String, Long> counters = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = stats.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isNumber()) {
        counters.put(field.getKey(), count(field.getValue(), file, "stats." + field.getKey()));
      }
    }
    if (!counters.containsKey("compile_requests")) {
      throw new InputException(file, "no `stats.compile_requests`: not sccache statistics");
    }
    Map<String, LanguageCounts> byLanguage = new HashMap<>();
    Map<String, LanguageCounts> byCompiler = new HashMap<>();
    for (int i = 0; i < PER_LANGUAGE.length; i++) {
      String name = PER_LANGUAGE[i];
      JsonNode node = stats.path(name);
      if (node.isObject()) {
        counters.put(name, perLanguage(node.path("counts"), i, byLanguage, file, name + ".counts"));
        perLanguage(node.path("adv_counts"), i, byCompiler, file, name + ".adv_counts");
      }
    }
    counters.put(
        "dist_compiles", sum(stats.path("dist_compiles"), file, "stats.dist_compiles", null));
    Map<String, Long> reasons = new HashMap<>();
    sum(stats.path("not_cached"), file, "stats.not_cached", reasons);
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
        size(root, "cache_size", file),
        size(root, "max_cache_size", file),
        root.path("version").isTextual()
            ? Optional.of(root.get("version").textValue())
            : Optional.empty());
  }

  /** Adds {@code counts} (language → n) as the {@code column}th count of each language. */
  private static long perLanguage(
      JsonNode counts, int column, Map<String, LanguageCounts> into, Path file, String what)
      throws InputException {
    long total = 0;
    if (counts.isMissingNode() || counts.isNull()) {
      return total;
    }
    if (!counts.isObject()) {
      throw new InputException(file, "stats." + what + " is not an object of counts");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      long n = count(entry.getValue(), file, "stats." + what + "." + entry.getKey());
      total += n;
      into.merge(
          entry.getKey(),
          new LanguageCounts(column == 0 ? n : 0, column == 1 ? n : 0, column == 2 ? n : 0),
          LanguageCounts::plus);
    }
    return total;
  }

  /** The sum of a map of counts; each entry also goes into {@code into} when given. */
  private static long sum(JsonNode map, Path file, String what, Map<String, Long> into)
      throws InputException {
    long total = 0;
    if (map.isMissingNode() || map.isNull()) {
      return total;
    }
    if (!map.isObject()) {
      throw new InputException(file, what + " is not an object of counts");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      long n = count(entry.getValue(), file, what + "." + entry.getKey());
      total += n;
      if (into != null) {
        into.put(entry.getKey(), n);
      }
    }
    return total;
  }

  private static OptionalLong size(JsonNode root, String name, Path file) throws InputException {
    JsonNode value = root.get(name);
    if (value == null || value.isNull()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(count(value, file, name));
  }

  private static long count(JsonNode value, Path file, String what) throws InputException {
    return BuildNumbers.count(value, file, 0, "`" + what + "`");
  }
}
