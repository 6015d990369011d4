package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ccache --print-stats} of a real cache, checked against ccache's own human-readable {@code
 * --show-stats --verbose} of the same state ({@code ccache/generate.sh}).
 */
class CcacheStatsReaderTest {
  private static final String DIR = "ccache/generated-locally/ccache-4.7.5/";

  @TempDir Path tmp;
  private final CcacheStatsReader reader = new CcacheStatsReader();

  /** "Label: n / d (..%)" of the human table: n, the first time the label appears. */
  private static long shown(String table, String label) {
    Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + ":\\s+(\\d+)").matcher(table);
    assertThat(m.find()).as(label).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void theMachineReadableStatsSayWhatCcachePrintsForPeople() throws Exception {
    String human = BuildFixtures.text(DIR + "show-stats-verbose.txt");
    CompilerCacheStats stats = reader.read(BuildFixtures.path(DIR + "print-stats.tsv"));

    assertThat(stats.tool()).isEqualTo("ccache");
    assertThat(stats.hits()).isEqualTo(shown(human, "Hits"));
    assertThat(stats.misses()).isEqualTo(shown(human, "Misses"));
    assertThat(stats.counters().get("direct_cache_hit")).isEqualTo(shown(human, "Direct"));
    assertThat(stats.counters().get("preprocessed_cache_hit"))
        .isEqualTo(shown(human, "Preprocessed"));
    assertThat(stats.notCached()).isEqualTo(shown(human, "Uncacheable calls"));
    assertThat(stats.errors()).isEqualTo(shown(human, "Errors"));
    assertThat(stats.hits() + stats.misses()).isEqualTo(shown(human, "Cacheable calls"));
    // The reasons listed under "Uncacheable calls" and their count.
    assertThat(stats.notCachedReasons().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(stats.notCached());
    assertThat(stats.notCachedReasons()).containsKeys("called_for_link", "compile_failed");
    Matcher rate = Pattern.compile("Hits:\\s+\\d+ /\\s+\\d+ \\((\\d+\\.\\d+)%\\)").matcher(human);
    assertThat(rate.find()).isTrue();
    assertThat(stats.hitRatio().getAsDouble() * 100)
        .isCloseTo(Double.parseDouble(rate.group(1)), within(0.005));
    assertThat(stats.cacheSizeBytes()).hasValue(stats.counters().get("cache_size_kibibyte") * 1024);
    assertThat(stats.byLanguage()).isEmpty();
  }

  @Test
  void theJsonFormOfNewerCcacheReadsTheSame() throws Exception {
    StringBuilder json = new StringBuilder("{");
    for (String line : Files.readAllLines(BuildFixtures.path(DIR + "print-stats.tsv"))) {
      String[] idAndCount = line.split("\t");
      json.append("\n  \"").append(idAndCount[0]).append("\": ").append(idAndCount[1]).append(',');
    }
    json.setLength(json.length() - 1);
    json.append("\n}\n"); // the layout of ccache's format_machine_readable(Json)
    Path file = tmp.resolve("stats.json");
    Files.writeString(file, json);
    CompilerCacheStats fromJson = reader.read(file);
    CompilerCacheStats fromTabs = reader.read(BuildFixtures.path(DIR + "print-stats.tsv"));
    assertThat(fromJson.counters()).isEqualTo(fromTabs.counters());
    assertThat(fromJson.hitRatio()).isEqualTo(fromTabs.hitRatio());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cache_miss\\t2\\ndirect_cache_hit two|2|not `id<TAB>count`",
        "cache_miss\\t-2|1|not `id<TAB>count`",
        "cache_miss\\t99999999999999999999|1|absurd",
        "called_for_link\\t1|0|not ccache --print-stats",
        "{\"cache_miss\": 1.5}|0|not a whole number",
        "{\"cache_miss\": NaN}|1|not valid JSON",
      })
  void badStatsAreRefused(String content, int line, String problem) throws Exception {
    Path file = tmp.resolve("bad");
    Files.writeString(file, content.replace("\\t", "\t").replace("\\n", "\n"));
    InputException e = catchThrowableOfType(() -> reader.read(file), InputException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.problem()).contains(problem);
  }
}
