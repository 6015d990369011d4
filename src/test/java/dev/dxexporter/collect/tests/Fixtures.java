package dev.dxexporter.collect.tests;

import dev.dxexporter.collect.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The copied fixtures under {@code src/test/resources/junit} and a parse that keeps the cases. */
final class Fixtures {
  /** A parsed file with its cases (tests only: the parser itself never keeps them). */
  record Parsed(ReportFile file, List<TestCase> cases) {}

  static Path root() {
    try {
      return Path.of(Fixtures.class.getResource("/junit").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  /** Files under {@code root()/relative} whose name passes {@code keep}, sorted. */
  static List<Path> files(String relative, Predicate<String> keep) {
    try (Stream<Path> walk = Files.walk(path(relative))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> keep.test(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String name(Path file) {
    return root().relativize(file).toString();
  }

  static Parsed parse(Path file) throws InputException {
    List<TestCase> cases = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      ReportFile report = new JUnitReportParser().parse(in, file, cases::add);
      return new Parsed(report, cases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Fixtures() {}
}
