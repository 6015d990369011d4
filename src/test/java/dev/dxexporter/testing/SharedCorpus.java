package dev.dxexporter.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one policy for the optional larger corpus in {@code ../shared} (beside the clone): tests that
 * read it call {@link #require}. Absent, such a test is skipped with a message saying what it would
 * have read, so a clone on its own passes; in CI ({@code -Ddx.shared.required=true}, set by {@code
 * .ci/run}) absence fails instead of silently skipping. Everything a test needs in order to say
 * anything is copied into {@code src/test/resources} with its provenance; this corpus is extra.
 */
public final class SharedCorpus {
  /** Where {@code shared/} is: {@code -Ddx.shared=PATH}, else {@code ../shared}. */
  public static Path root() {
    return Path.of(System.getProperty("dx.shared", "../shared")).toAbsolutePath().normalize();
  }

  /** {@code shared/<relative>}, or the test is skipped (failed in CI) when it is not there. */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    if (Files.exists(path)) {
      return path;
    }
    String message =
        "optional corpus " + path + " is not checked out beside the repository; skipping";
    if (Boolean.getBoolean("dx.shared.required")) {
      fail(message.replace("; skipping", "") + " (dx.shared.required is set)");
    }
    assumeTrue(false, message);
    return path;
  }

  private SharedCorpus() {}
}
