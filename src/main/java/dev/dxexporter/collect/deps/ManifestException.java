package dev.dxexporter.collect.deps;

import java.nio.file.Path;

/**
 * A manifest or lockfile that could not be read or understood. The message always starts with the
 * file, and with {@code :line:column} when the parser knows where (1-based; 0 = unknown).
 */
final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final int column;

  ManifestException(Path file, int line, int column, String problem, Throwable cause) {
    super(location(file, line, column) + ": " + problem, cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  ManifestException(Path file, int line, int column, String problem) {
    this(file, line, column, problem, null);
  }

  ManifestException(Path file, String problem) {
    this(file, 0, 0, problem, null);
  }

  ManifestException(Path file, String problem, Throwable cause) {
    this(file, 0, 0, problem, cause);
  }

  Path file() {
    return file;
  }

  /** 1-based line, 0 when unknown. */
  int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  int column() {
    return column;
  }

  private static String location(Path file, int line, int column) {
    if (line <= 0) {
      return String.valueOf(file);
    }
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
