package dev.dxexporter.collect.input;

import java.nio.file.Path;

/**
 * An input file (manifest, lockfile, test report, coverage report, benchmark result) that could not
 * be read or understood. The message always starts with the file, and with {@code :line:column}
 * when the parser knows where (1-based; 0 = unknown), so a log line or an HTTP 400 names the place.
 */
public class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final int column;
  private final String problem;

  public InputException(Path file, int line, int column, String problem, Throwable cause) {
    super(location(file, line, column) + ": " + problem, cause);
    this.file = file;
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
    this.problem = problem;
  }

  public InputException(Path file, int line, int column, String problem) {
    this(file, line, column, problem, null);
  }

  public InputException(Path file, String problem) {
    this(file, 0, 0, problem, null);
  }

  public InputException(Path file, String problem, Throwable cause) {
    this(file, 0, 0, problem, cause);
  }

  /** The file, as the caller named it (relative names stay relative). */
  public Path file() {
    return file;
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }

  /** The message without the location. */
  public String problem() {
    return problem;
  }

  static String location(Path file, int line, int column) {
    if (line <= 0) {
      return String.valueOf(file);
    }
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
