package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dxexporter.collect.build.CompilerCacheStats.LanguageCounts;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** sccache's JSON and text stats of the same server states must say the same. */
class SccacheStatsReaderTest {
  @TempDir Path tmp;
  private final SccacheStatsReader reader = new SccacheStatsReader();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sccache/generated-locally/sccache-0.4.0-pre.6/zero",
        "sccache/generated-locally/sccache-0.4.0-pre.6/c-hits-misses",
        "sccache/generated-locally/sccache-0.4.0-pre.6/c-and-rust",
        "sccache/synthetic/sccache-0.8-shape"
      })
  void theTextFormGivesTheNumbersOfTheJson(String pair) throws Exception {
    CompilerCacheStats json = reader.read(BuildFixtures.path(pair + ".json"));
    CompilerCacheStats text = reader.read(BuildFixtures.path(pair + ".txt"));

    assertThat(text.tool()).isEqualTo(json.tool()).isEqualTo("sccache");
    assertThat(text.hits()).isEqualTo(json.hits());
    assertThat(text.misses()).isEqualTo(json.misses());
    assertThat(text.errors()).isEqualTo(json.errors());
    assertThat(text.notCached()).isEqualTo(json.notCached());
    assertThat(text.hitRatio()).isEqualTo(json.hitRatio());
    assertThat(text.byLanguage()).isEqualTo(json.byLanguage());
    assertThat(text.notCachedReasons()).isEqualTo(json.notCachedReasons());
    assertThat(text.version()).isEqualTo(json.version());
    // Every counter the text prints is the JSON's; the text omits only the write count.
    assertThat(json.counters()).containsAllEntriesOf(text.counters());
    Set<String> onlyInJson = new HashSet<>(json.counters().keySet());
    onlyInJson.removeAll(text.counters().keySet());
    assertThat(onlyInJson).containsOnly("cache_writes");
    // Sizes: the text rounds to whole KiB/MiB/GiB.
    assertThat(text.cacheSizeBytes().isPresent()).isEqualTo(json.cacheSizeBytes().isPresent());
    if (json.cacheSizeBytes().isPresent()) {
      assertRounded(text.cacheSizeBytes().getAsLong(), json.cacheSizeBytes().getAsLong());
      assertRounded(text.maxCacheSizeBytes().getAsLong(), json.maxCacheSizeBytes().getAsLong());
    }
    // Language totals add up to the totals.
    assertThat(json.byLanguage().values().stream().mapToLong(LanguageCounts::hits).sum())
        .isEqualTo(json.hits());
    assertThat(json.byLanguage().values().stream().mapToLong(LanguageCounts::misses).sum())
        .isEqualTo(json.misses());
  }

  private static void assertRounded(long printed, long exact) {
    long unit = 1;
    while (unit * 1024 <= exact) {
      unit *= 1024;
    }
    assertThat((double) Math.abs(printed - exact)).isLessThanOrEqualTo(unit / 2.0);
  }

  @Test
  void hitsMissesErrorsAndNotCachedAsTheFixtureReadmeDescribesThem() throws Exception {
    // README section 6: gcc with 2 misses, 2 hits, 1 cache error and 1 non-cacheable (-E).
    CompilerCacheStats c =
        reader.read(
            BuildFixtures.path("sccache/generated-locally/sccache-0.4.0-pre.6/c-hits-misses.json"));
    assertThat(c.hits()).isEqualTo(2);
    assertThat(c.misses()).isEqualTo(2);
    assertThat(c.errors()).isEqualTo(1);
    assertThat(c.notCached()).isEqualTo(1);
    assertThat(c.notCachedReasons()).containsExactly(Map.entry("-E", 1L));
    assertThat(c.hitRatio()).hasValue(0.5);
    assertThat(c.byLanguage()).containsExactly(Map.entry("C/C++", new LanguageCounts(2, 2, 1)));
    assertThat(c.version()).isEmpty();

    CompilerCacheStats zero =
        reader.read(BuildFixtures.path("sccache/generated-locally/sccache-0.4.0-pre.6/zero.json"));
    assertThat(zero.hitRatio()).isEmpty();
    assertThat(zero.cacheSizeBytes()).isEmpty();
  }

  @Test
  void newerSccacheAddsCompilerCountsAndItsVersion() throws Exception {
    CompilerCacheStats stats =
        reader.read(BuildFixtures.path("sccache/synthetic/sccache-0.8-shape.json"));
    assertThat(stats.version()).hasValue("0.8.2");
    assertThat(stats.byCompiler())
        .containsEntry("c [gcc]", new LanguageCounts(1, 0, 1))
        .containsEntry("rust", new LanguageCounts(3, 1, 0));
    assertThat(stats.byLanguage()).containsEntry("CUDA (Device code)", new LanguageCounts(1, 0, 0));
    assertThat(stats.counters())
        .containsEntry("compilations", 2L)
        .containsEntry("dist_compiles", 1L);
    assertThat(stats.hitRatio()).hasValue(6.0 / 7);
    assertThat(stats.byLanguage().get("Rust").hitRatio()).hasValue(0.75);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bad.json|{\"stats\":{\"compile_requests\":3,|not valid JSON",
        "nan.json|{\"stats\":{\"compile_requests\":NaN}}|not valid JSON",
        "negative.json|{\"stats\":{\"compile_requests\":1,\"cache_hits\":{\"counts\":{\"Rust\":-2}}}}|`stats.cache_hits.counts.Rust` is negative",
        "fraction.json|{\"stats\":{\"compile_requests\":1.5}}|not a whole number",
        "other.json|{\"name\":\"not sccache\"}|no `stats` object",
        "nocompile.json|{\"stats\":{\"cache_hits\":1}}|no `stats.compile_requests`",
        "words.txt|Compile requests          many|`many` is not a count",
        "other.txt|hello world|no `Compile requests` line",
        "size.txt|Compile requests 1\\nCache size     lots|cache size `lots`",
      })
  void badStatsAreRefused(String name, String content, String problem) throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(file, content.replace("\\n", "\n"));
    InputException e = catchThrowableOfType(() -> reader.read(file), InputException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.problem()).contains(problem);
    if (name.endsWith(".txt") && !name.equals("other.txt")) {
      assertThat(e.line()).isEqualTo(content.split("\\\\n").length);
    }
  }

  @Test
  void aHugeFileIsRefusedByTheSizeCap() {
    SccacheStatsReader small = new SccacheStatsReader(new BoundedFiles(100));
    InputException e =
        catchThrowableOfType(
            () ->
                small.read(
                    BuildFixtures.path(
                        "sccache/generated-locally/sccache-0.4.0-pre.6/c-and-rust.json")),
            InputException.class);
    assertThat(e.problem()).contains("larger than the limit of 100 bytes");
  }
}
