package dev.dxexporter.collect.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB report (about 100,000 cases) parsed in a child JVM with {@code -Xmx128m}: the cases
 * stream through, nothing grows with the file. The same with 500 MB and 1,000,000 cases is {@code
 * bench/junit-parse.sh} (too slow for every test run).
 */
class LargeReportMemoryTest {
  @Test
  void fiftyMegabytesParseInA128MegabyteHeap(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("TEST-large.xml");
    LargeReport.Written written = LargeReport.write(file, 50_000_000L);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx128m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    CountCases.class.getName(),
                    file.toString()))
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(written.bytes()).isGreaterThan(50_000_000L);
    assertThat(output).contains(written.counts().toString()).contains("max_heap_mb=");
    assertThat(written.counts().total()).isGreaterThan(90_000);
  }
}
