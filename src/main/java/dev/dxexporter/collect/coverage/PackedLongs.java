package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * A growable array of packed {@code long} entries (a key in the high bits, a small value in the low
 * bits) that keeps one entry per key: when the array fills up it is sorted and entries with the
 * same key are merged, so a report that lists the same branch a hundred times costs one entry.
 * Cheaper than a map by a factor of five, which matters for million-branch reports.
 */
final class PackedLongs {
  private final int valueBits;
  private final LongBinaryOperator merge;
  private long[] entries = new long[16];
  private int size;
  private boolean compact = true;

  /**
   * @param valueBits low bits that hold the value; the rest is the key
   * @param merge combines two entries with the same key into one
   */
  PackedLongs(int valueBits, LongBinaryOperator merge) {
    this.valueBits = valueBits;
    this.merge = merge;
  }

  void add(long entry, DetailBudget budget, int at) throws InputException {
    if (size == entries.length) {
      compact();
      if (size > entries.length / 2) {
        int length = entries.length * 2;
        budget.charge((long) Long.BYTES * (length - entries.length), at);
        entries = Arrays.copyOf(entries, length);
      }
    }
    entries[size++] = entry;
    compact = false;
  }

  /** The distinct entries, merged, in key order. */
  long[] distinct() {
    compact();
    return Arrays.copyOf(entries, size);
  }

  private void compact() {
    if (compact) {
      return;
    }
    Arrays.sort(entries, 0, size);
    int out = 0;
    for (int i = 0; i < size; i++) {
      long e = entries[i];
      if (out > 0 && entries[out - 1] >>> valueBits == e >>> valueBits) {
        entries[out - 1] = merge.applyAsLong(entries[out - 1], e);
      } else {
        entries[out++] = e;
      }
    }
    size = out;
    compact = true;
  }
}
