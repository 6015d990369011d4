package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;

/**
 * The instrumented and the executed lines of one source file, two bits per line number, merged over
 * every record of that file: a line is counted once however often it is listed, and is covered when
 * any listing executed it (the sum of its counts is positive, as {@code lcov --add-tracefile} and
 * Cobertura mergers define it).
 */
final class LineMarks {
  private static final long[] EMPTY = {};

  private long[] found = EMPTY;
  private long[] hit = EMPTY;
  private long foundCount;
  private long hitCount;

  /**
   * Marks {@code number} instrumented, and executed when {@code executed}.
   *
   * @param at the input line, for a budget error
   */
  void mark(int number, boolean executed, DetailBudget budget, int at) throws InputException {
    int word = number >>> 6;
    if (word >= found.length) {
      grow(word, budget, at);
    }
    long bit = 1L << number;
    if ((found[word] & bit) == 0) {
      found[word] |= bit;
      foundCount++;
    }
    if (executed && (hit[word] & bit) == 0) {
      hit[word] |= bit;
      hitCount++;
    }
  }

  private void grow(int word, DetailBudget budget, int at) throws InputException {
    long wanted = Math.max(word + 1L, Math.min(Integer.MAX_VALUE / 64 + 1, found.length * 3L / 2));
    int length = (int) Math.max(wanted, 16);
    budget.charge(2L * Long.BYTES * (length - found.length), at);
    found = java.util.Arrays.copyOf(found, length);
    hit = java.util.Arrays.copyOf(hit, length);
  }

  long found() {
    return foundCount;
  }

  long hit() {
    return hitCount;
  }
}
