package dev.dxexporter.collect.tests;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;

/**
 * {@code CountCases FILE}: parses one report and prints its counts, the wall time and the parse
 * time; run in a child JVM with a small heap to show that cases are streamed, not kept.
 */
public final class CountCases {
  public static void main(String[] args) throws InputException {
    long[] cases = {0};
    long start = System.nanoTime();
    ReportFile file =
        new JUnitReportParser()
            .parse(Path.of(args[0]), new BoundedFiles(Long.MAX_VALUE), c -> cases[0]++);
    long nanos = System.nanoTime() - start;
    System.out.println(file.counts());
    System.out.println(
        "cases="
            + cases[0]
            + " suites="
            + file.suites().size()
            + " parse_ms="
            + nanos / 1_000_000
            + " max_heap_mb="
            + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  private CountCases() {}
}
