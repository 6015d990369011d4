package dev.dxexporter.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The store directory of a {@code check}: the one given, kept; or a new temporary one (reports of
 * the workspace are taken in through the store like the daemon's), removed on close.
 */
final class TemporaryStore implements AutoCloseable {
  private final Path directory;
  private final boolean temporary;

  private TemporaryStore(Path directory, boolean temporary) {
    this.directory = directory;
    this.temporary = temporary;
  }

  static TemporaryStore unless(Optional<Path> given) throws IOException {
    if (given.isPresent()) {
      return new TemporaryStore(given.get(), false);
    }
    return new TemporaryStore(Files.createTempDirectory("dx-check-"), true);
  }

  Path directory() {
    return directory;
  }

  @Override
  public void close() {
    if (!temporary) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the temporary store " + directory, e);
    }
  }
}
