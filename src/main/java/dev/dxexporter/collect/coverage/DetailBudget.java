package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;

/**
 * The memory a reader may spend on per-line detail while it reads one report. The same source file
 * can appear several times in one report (LCOV sections of several test runs; Cobertura classes of
 * one file), and its lines are counted once, so the reader keeps which lines it has seen until the
 * end: a bit pair per line number and 8 bytes per branch or function. That costs about a tenth of a
 * typical LCOV file, but hostile input (line 2,000,000,000; millions of distinct branch ids) could
 * cost far more, so every allocation is charged here first and a report that needs more is refused,
 * located, instead of exhausting the heap.
 */
final class DetailBudget {
  /**
   * What fits beside the daemon in a 128 MiB heap. Ordinary LCOV keeps about 0.37 bytes of detail
   * per byte of file (bench/parse-heap-reports.sh: 512 MiB needed a 192 MiB heap), so about 170 MB
   * of LCOV reads and a larger one is refused, located; Cobertura keeps a tenth of that, JaCoCo
   * nothing (its report-level counters are read).
   */
  static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private final long maxBytes;
  private final Path file;
  private long used;

  /** {@code maxBytes}, when it is a usable budget. */
  static long checked(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("detail budget must be positive: " + maxBytes);
    }
    return maxBytes;
  }

  DetailBudget(long maxBytes, Path file) {
    this.maxBytes = maxBytes;
    this.file = file;
  }

  /**
   * Records {@code bytes} more in use; throws when that passes the budget.
   *
   * @param line the input line that asked for it, for the error
   */
  void charge(long bytes, int line) throws InputException {
    if (bytes > maxBytes - used) {
      throw new InputException(
          file,
          line,
          0,
          "coverage detail needs more than the reader's budget of "
              + maxBytes / (1024 * 1024)
              + " MiB (line numbers too large, or too many distinct lines, branches or"
              + " functions)");
    }
    used += bytes;
  }

  long used() {
    return used;
  }
}
