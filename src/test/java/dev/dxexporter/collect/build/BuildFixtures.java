package dev.dxexporter.collect.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The copied fixtures under {@code src/test/resources/build/}. */
final class BuildFixtures {
  private BuildFixtures() {}

  static Path path(String relative) {
    URL url = BuildFixtures.class.getResource("/build/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("no test resource build/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
