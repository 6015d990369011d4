package dev.dxexporter.collect.build;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A compiler cache's statistics (sccache or ccache), reduced to what both report, with every raw
 * counter kept under the tool's own name.
 *
 * @param file where they were read from
 * @param tool {@code sccache} or {@code ccache}
 * @param hits compilations answered from the cache
 * @param misses cacheable compilations the cache did not have (compiled, then stored)
 * @param errors requests where the cache itself failed (sccache {@code cache_errors}; ccache the
 *     sum of its error counters: internal error, missing cache file, compiler check failed, ...)
 * @param notCached compiler calls that could not be cached at all (sccache {@code
 *     requests_not_cacheable}: preprocessing only, linking, a crate type it cannot cache; ccache
 *     the sum of its uncacheable counters: called for link, compile failed, ...)
 * @param byLanguage hits, misses and errors per language (sccache: {@code C/C++}, {@code Rust},
 *     {@code CUDA} ...; ccache: none)
 * @param byCompiler the same per language and compiler (sccache 0.7+ {@code adv_counts}, e.g.
 *     {@code c [gcc]}); empty otherwise
 * @param notCachedReasons why calls were not cached, as the tool words it, with counts
 * @param counters every counter read, by the tool's own name ({@code compile_requests}, {@code
 *     cache_timeouts}, {@code direct_cache_hit} ...)
 * @param cacheSizeBytes the cache's size on disk; from sccache's text form only to the unit it
 *     prints (KiB, MiB, GiB: rounded to the nearest whole unit)
 * @param maxCacheSizeBytes the configured limit, likewise
 * @param version the tool's version where the output says it (sccache 0.7+)
 */
public record CompilerCacheStats(
    Path file,
    String tool,
    long hits,
    long misses,
    long errors,
    long notCached,
    Map<String, LanguageCounts> byLanguage,
    Map<String, LanguageCounts> byCompiler,
    Map<String, Long> notCachedReasons,
    Map<String, Long> counters,
    OptionalLong cacheSizeBytes,
    OptionalLong maxCacheSizeBytes,
    Optional<String> version) {

  public CompilerCacheStats {
    byLanguage = sorted(byLanguage);
    byCompiler = sorted(byCompiler);
    notCachedReasons = sorted(notCachedReasons);
    counters = sorted(counters);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /**
   * hits / (hits + misses); empty when both are 0. This is the ratio sccache prints as "Cache hits
   * rate" and ccache as "Hits: h / h+m". Errors and not-cached calls are in neither term: a call
   * that could not be cached never consulted the cache, and counting it as a miss would make the
   * ratio fall whenever a build adds link steps or {@code -E} calls, with the cache working as well
   * as before; cache errors are reported beside the ratio instead. Misses include cache timeouts,
   * forced recaches and read errors, which sccache also counts as misses.
   */
  public OptionalDouble hitRatio() {
    return ratio(hits, misses);
  }

  static OptionalDouble ratio(long hits, long misses) {
    long requests = hits + misses;
    return requests == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / requests);
  }

  /** Hits, misses and errors of one language (or language and compiler). */
  public record LanguageCounts(long hits, long misses, long errors) {
    LanguageCounts plus(LanguageCounts other) {
      return new LanguageCounts(hits + other.hits, misses + other.misses, errors + other.errors);
    }

    /** hits / (hits + misses), as {@link CompilerCacheStats#hitRatio()}. */
    public OptionalDouble hitRatio() {
      return ratio(hits, misses);
    }
  }
}
