package dev.dxexporter.ingest;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where wildcards do not look for reports: version-control and dependency directories, and source
 * and fixture trees (a project's {@code src/test/resources} is full of example reports, not
 * results), including the copies a build makes of them ({@code target/test-classes}, {@code
 * build/resources}). A literal path in the config still reaches them.
 */
final class Skips {
  private static final Set<String> ANYWHERE =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "node_modules",
          "vendor",
          "src",
          "fixtures",
          "testdata",
          "__fixtures__",
          "__snapshots__",
          ".gradle",
          ".idea",
          ".venv",
          "venv",
          ".tox");

  /** Under a build directory, only these hold reports; the rest are build output. */
  private static final Set<String> UNDER_TARGET =
      Set.of(
          "surefire-reports",
          "failsafe-reports",
          "nextest",
          "site",
          "test-reports",
          "llvm-cov",
          "tarpaulin",
          "coverage",
          "reports");

  private static final Set<String> UNDER_BUILD = Set.of("test-results", "reports");

  static final Predicate<Path> DEFAULT = Skips::skip;

  private Skips() {}

  static boolean skip(Path relative) {
    String name = relative.getFileName() == null ? "" : relative.getFileName().toString();
    if (ANYWHERE.contains(name)) {
      return true;
    }
    Path parent = relative.getParent();
    String parentName =
        parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    if (parentName.equals("target")) {
      return !UNDER_TARGET.contains(name);
    }
    if (parentName.equals("build")) {
      return !UNDER_BUILD.contains(name);
    }
    return false;
  }
}
