package dev.dxexporter.collect.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The coverage fixtures copied into {@code src/test/resources/coverage} (see its README). */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/coverage");

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  /** Files under {@code relative} whose name ends with {@code suffix}, sorted. */
  static List<Path> files(String relative, String suffix) {
    try (Stream<Path> walk = Files.walk(path(relative))) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream stream(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private Fixtures() {}
}
