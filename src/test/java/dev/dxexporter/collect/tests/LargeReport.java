package dev.dxexporter.collect.tests;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a realistic large Surefire-style report: suites of 100 cases, each case with a {@code
 * <system-out>} block; every 20th case fails with a stack trace, every 50th is skipped, every 100th
 * is flaky (two {@code flakyFailure}s with their own output), every 250th errors after a {@code
 * rerunError}. The counts it returns are the generator's own, so a test can check the parser
 * against them.
 */
public final class LargeReport {
  /** What was written. */
  public record Written(long bytes, TestCounts counts) {}

  private static final String STACK =
      "java.lang.AssertionError: expected:<1> but was:<2>\n"
          + "\tat org.junit.Assert.fail(Assert.java:89)\n".repeat(12);
  private static final String STACK_TEXT = STACK.replace("<", "&lt;").replace(">", "&gt;");
  private static final String OUTPUT =
      "12:00:00.000 [main] INFO  com.example.Service - handled request id=42 in 3 ms &amp; ok\n"
          .repeat(3);

  /** Writes cases until the file has at least {@code targetBytes} bytes (and whole suites). */
  public static Written write(Path file, long targetBytes) throws IOException {
    TestCounts counts = TestCounts.NONE;
    int passed = 0, flaky = 0, skipped = 0, failed = 0, errored = 0;
    long bytes;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CountingWriter w = new CountingWriter(out);
      w.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"large\" time=\"1.5\">\n");
      int n = 0;
      for (int suite = 0; w.count < targetBytes; suite++) {
        w.write(
            "  <testsuite name=\"com.example.Suite" + suite + "\" time=\"12.5\" tests=\"100\">\n");
        w.write("    <properties><property name=\"java.version\" value=\"17\"/></properties>\n");
        for (int i = 0; i < 100; i++, n++) {
          w.write(
              "    <testcase name=\"test"
                  + i
                  + "\" classname=\"com.example.Suite"
                  + suite
                  + "\" time=\"0.0"
                  + (i % 10)
                  + "\">\n");
          if (n % 250 == 249) {
            w.write(
                "      <error message=\"boom\" type=\"java.lang.IllegalStateException\">"
                    + STACK_TEXT
                    + "</error>\n");
            w.write(
                "      <rerunError message=\"boom again\" type=\"java.lang.IllegalStateException\"><stackTrace>"
                    + STACK_TEXT
                    + "</stackTrace></rerunError>\n");
            errored++;
          } else if (n % 100 == 99) {
            for (int r = 0; r < 2; r++) {
              w.write(
                  "      <flakyFailure message=\"flaky\" type=\"java.lang.AssertionError\"><stackTrace>"
                      + STACK_TEXT
                      + "</stackTrace><system-out>"
                      + OUTPUT
                      + "</system-out></flakyFailure>\n");
            }
            flaky++;
          } else if (n % 50 == 49) {
            w.write("      <skipped message=\"not on this OS\"/>\n");
            skipped++;
          } else if (n % 20 == 19) {
            w.write(
                "      <failure message=\"expected:&lt;1&gt; but was:&lt;2&gt;\" type=\"java.lang.AssertionError\"><![CDATA["
                    + STACK
                    + "]]></failure>\n");
            failed++;
          } else {
            passed++;
          }
          w.write("      <system-out><![CDATA[" + OUTPUT + "]]></system-out>\n    </testcase>\n");
        }
        w.write("  </testsuite>\n");
      }
      w.write("</testsuites>\n");
      bytes = w.count;
    }
    return new Written(bytes, new TestCounts(passed, flaky, skipped, failed, errored));
  }

  /** Counts the bytes written (the text is ASCII). */
  private static final class CountingWriter {
    private final BufferedWriter out;
    long count;

    CountingWriter(BufferedWriter out) {
      this.out = out;
    }

    void write(String s) throws IOException {
      out.write(s);
      count += s.length();
    }
  }

  /** {@code LargeReport FILE MEGABYTES}: writes the file and prints its counts. */
  public static void main(String[] args) throws IOException {
    Written written = write(Path.of(args[0]), Long.parseLong(args[1]) * 1_000_000L);
    System.out.println("bytes=" + written.bytes() + " " + written.counts());
  }

  private LargeReport() {}
}
