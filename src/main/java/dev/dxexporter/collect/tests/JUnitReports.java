package dev.dxexporter.collect.tests;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a report that is one file or a directory of the files one run wrote: every regular {@code
 * *.xml} file directly in the directory (Surefire's {@code target/surefire-reports}, Gradle's
 * {@code build/test-results/<task>}), in name order; Surefire's {@code failsafe-summary.xml} and
 * {@code testng-results.xml} (not JUnit XML) are left out. A file that cannot be read is recorded
 * in {@link TestRun#unreadable()} and the others still count.
 */
public final class JUnitReports {
  private final JUnitReportParser parser;
  private final BoundedFiles files;

  public JUnitReports(JUnitReportParser parser, BoundedFiles files) {
    this.parser = parser;
    this.files = files;
  }

  /** The run in {@code report} (a file or a directory); its cases go to {@code cases}. */
  public TestRun read(Path report, Consumer<TestCase> cases) throws InputException {
    TestRunAggregator run = new TestRunAggregator();
    for (Path file : filesOf(report)) {
      try {
        run.add(parser.parse(file, files, cases));
      } catch (InputException e) {
        run.unreadable(e);
      }
    }
    return run.run();
  }

  /** {@code report} itself, or the report files directly in it when it is a directory. */
  public static List<Path> filesOf(Path report) throws InputException {
    if (!Files.isDirectory(report)) {
      return List.of(report);
    }
    try (Stream<Path> entries = Files.list(report)) {
      return entries
          .filter(JUnitReports::isReportFile)
          .filter(path -> Files.isRegularFile(path))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InputException(report, "cannot list the directory: " + e, e);
    }
  }

  private static boolean isReportFile(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".xml")
        && !name.equals("failsafe-summary.xml")
        && !name.equals("testng-results.xml");
  }
}
