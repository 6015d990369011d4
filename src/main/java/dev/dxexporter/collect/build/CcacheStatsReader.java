package dev.dxexporter.collect.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ccache --print-stats}: one {@code id<TAB>count} line per counter (ccache 3.7+), or
 * the JSON object of {@code --print-stats --format=json} (4.10+). The counter ids and which of them
 * are errors or uncacheable calls are ccache's own ({@code k_statistics_fields} in {@code
 * statistics.cpp}, flags {@code FLAG_ERROR} and {@code FLAG_UNCACHEABLE}); hits are {@code
 * direct_cache_hit + preprocessed_cache_hit} and misses {@code cache_miss}, as ccache's "Hits:"
 * line counts them. Unknown ids are kept in {@code counters}. Thread-safe.
 */
public final class CcacheStatsReader {
  /** Counted by ccache as errors. */
  static final Set<String> ERRORS =
      Set.of(
          "bad_input_file",
          "bad_output_file",
          "compiler_check_failed",
          "could_not_find_compiler",
          "error_hashing_extra_file",
          "internal_error",
          "missing_cache_file",
          "modified_input_file");

  /** Counted by ccache as uncacheable calls. */
  static final Set<String> UNCACHEABLE =
      Set.of(
          "autoconf_test",
          "bad_compiler_arguments",
          "called_for_link",
          "called_for_preprocessing",
          "compile_failed",
          "compiler_produced_empty_output",
          "compiler_produced_no_output",
          "compiler_produced_stdout",
          "could_not_use_modules",
          "could_not_use_precompiled_header",
          "disabled",
          "multiple_source_files",
          "no_input_file",
          "output_to_stdout",
          "preprocessor_error",
          "recache",
          "unsupported_code_directive",
          "unsupported_compiler_option",
          "unsupported_environment_variable",
          "unsupported_source_encoding",
          "unsupported_source_language");

  private static final Pattern LINE = Pattern.compile("^([a-z0-9_]+)\\t(\\d+)$");

  private final BoundedFiles files;
  private final JsonDocuments json;

  public CcacheStatsReader() {
    this(new BoundedFiles(SccacheStatsReader.DEFAULT_MAX_BYTES));
  }

  public CcacheStatsReader(BoundedFiles files) {
    this.files = files;
    this.json = new JsonDocuments(files);
  }

  public CompilerCacheStats read(Path file) throws InputException {
    byte[] bytes = files.readBytes(file);
    String text;
    try {
      text = BoundedFiles.utf8(bytes);
    } catch (CharacterCodingException e) {
      throw new InputException(file, "not valid UTF-8", e);
    }
    Map<String, Long> counters =
        text.stripLeading().startsWith("{") ? fromJson(text, file) : fromTabs(text, file);
    if (!counters.containsKey("cache_miss") && !counters.containsKey("direct_cache_hit")) {
      throw new InputException(file, "no cache_miss or direct_cache_hit: not ccache --print-stats");
    }
    Map<String, Long> reasons = new HashMap<>();
    long errors = 0;
    long uncacheable = 0;
    for (Map.Entry<String, Long> counter : counters.entrySet()) {
      if (ERRORS.contains(counter.getKey())) {
        errors += counter.getValue();
      } else if (UNCACHEABLE.contains(counter.getKey())) {
        uncacheable += counter.getValue();
        if (counter.getValue() > 0) {
          reasons.put(counter.getKey(), counter.getValue());
        }
      }
    }
    return new CompilerCacheStats(
        file,
        "ccache",
        counters.getOrDefault("direct_cache_hit", 0L)
            + counters.getOrDefault("preprocessed_cache_hit", 0L),
        counters.getOrDefault("cache_miss", 0L),
        errors,
        uncacheable,
        Map.of(),
        Map.of(),
        reasons,
        counters,
        kibibytes(counters.get("cache_size_kibibyte")),
        kibibytes(counters.get("max_cache_size_kibibyte")).stream().filter(n -> n > 0).findFirst(),
        Optional.empty());
  }

  private static OptionalLong kibibytes(Long value) {
    return value == null
        ? OptionalLong.empty()
        : OptionalLong.of(Math.min(value, Long.MAX_VALUE / 1024) * 1024);
  }

  private static Map<String, Long> fromTabs(String text, Path file) throws InputException {
    Map<String, Long> counters = new HashMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(lines.get(i).stripTrailing());
      if (!m.matches()) {
        throw new InputException(file, i + 1, 0, "not `id<TAB>count`: " + abbreviate(line));
      }
      long value;
      try {
        value = Long.parseLong(m.group(2));
      } catch (NumberFormatException e) {
        throw new InputException(file, i + 1, 0, m.group(1) + " is absurd: " + m.group(2));
      }
      counters.put(m.group(1), BuildNumbers.count(value, file, i + 1, m.group(1)));
    }
    return counters;
  }

  private Map<String, Long> fromJson(String text, Path file) throws InputException {
    JsonNode root = json.parse(text.getBytes(StandardCharsets.UTF_8), file);
    if (!root.isObject()) {
      throw new InputException(file, "not a JSON object of counters");
    }
    Map<String, Long> counters = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      counters.put(
          field.getKey(),
          BuildNumbers.count(field.getValue(), file, 0, "`" + field.getKey() + "`"));
    }
    return counters;
  }

  private static String abbreviate(String line) {
    return line.length() <= 80 ? line : line.substring(0, 80) + "...";
  }
}
