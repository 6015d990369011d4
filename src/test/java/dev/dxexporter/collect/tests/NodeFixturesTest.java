package dev.dxexporter.collect.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Node's test runner writes its own summary as comments under the root ({@code <!-- tests 4 -->},
 * {@code pass}, {@code fail}, {@code skipped}, {@code todo}, {@code cancelled}): our counts must
 * match it. Cases sit directly under {@code <testsuites>} or in nested suites, and a failed case
 * has a {@code failure="..."} attribute as well as a {@code <failure>} child. The snapshots are
 * normalised ({@code time="*"}), so every time is a warning and taken as unknown.
 */
class NodeFixturesTest {
  private static final Pattern SUMMARY = Pattern.compile("<!-- (\\w+) (\\d+) -->");

  static Stream<Path> snapshots() {
    return Fixtures.files("node", n -> n.endsWith(".snapshot")).stream()
        .filter(p -> !p.getFileName().toString().equals("junit_empty_diagnostic.snapshot"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snapshots")
  void countsMatchNodesSummary(Path snapshot) throws Exception {
    Map<String, Integer> summary = new HashMap<>();
    Matcher m = SUMMARY.matcher(Fixtures.read(snapshot));
    while (m.find()) {
      summary.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    ReportFile file = Fixtures.parse(snapshot).file();
    TestCounts counts = file.counts();
    assertThat(file.dialect()).isEqualTo(JUnitDialect.NODE);
    assertThat(counts.total()).isEqualTo(summary.get("tests"));
    assertThat(counts.passed()).isEqualTo(summary.get("pass"));
    assertThat(counts.failed() + counts.errored()).isEqualTo(summary.get("fail"));
    assertThat(counts.skipped()).isEqualTo(summary.get("skipped") + summary.get("todo"));
    assertThat(file.warningCount()).isPositive();
    assertThat(file.warnings()).allMatch(w -> w.contains(" \"*\" is not"));
  }
}
