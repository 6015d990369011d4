package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An LCOV file as a stream of lines over a fixed buffer, with the field parsers the records need.
 * Lines are not turned into strings (a 500 MB tracefile is some 50 million of them): the current
 * line is a byte range of {@link #buf}, trailing whitespace (a CR included) already cut off.
 */
final class LcovLines {
  /** No real record comes near this; a longer line is not LCOV. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private final InputStream in;
  private final Path file;
  byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;

  /** The current line: {@code buf[start, end)}, 1-based {@link #number}. */
  int start;

  int end;
  int number;

  LcovLines(InputStream in, Path file) {
    this.in = in;
    this.file = file;
  }

  /** Advances to the next line; false at the end of the input. */
  boolean next() throws IOException, InputException {
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          take(i, i + 1);
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          take(limit, limit);
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void take(int lineEnd, int next) {
    start = pos;
    end = lineEnd;
    while (end > start && (buf[end - 1] == '\r' || buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
      end--;
    }
    pos = next;
    number++;
  }

  private void fill() throws IOException, InputException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_LINE_BYTES) {
        throw new InputException(
            file, number + 1, 0, "line longer than " + MAX_LINE_BYTES + " bytes: not LCOV");
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /** The index of {@code b} in {@code [from, to)}, or -1. */
  int indexOf(byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The last index of {@code b} in {@code [from, to)}, or -1. */
  int lastIndexOf(byte b, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code [from, to)} is exactly {@code ascii}. */
  boolean is(int from, int to, String ascii) {
    if (to - from != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (buf[from + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A line number: decimal digits, at most {@link Integer#MAX_VALUE}. */
  int lineNumber(int from, int to, String what) throws InputException {
    long v = digits(from, to, Integer.MAX_VALUE, what);
    return (int) v;
  }

  /** A summary count ({@code LF}, {@code BRH}, ...): decimal digits, at most 10^15. */
  long count(int from, int to, String what) throws InputException {
    return digits(from, to, 1_000_000_000_000_000L, what);
  }

  private long digits(int from, int to, long max, String what) throws InputException {
    if (from >= to) {
      throw error(what + " is empty");
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw error(what + " `" + text(from, to) + "` is not a non-negative integer");
      }
      v = v * 10 + d;
      if (v > max) {
        throw error(what + " `" + text(from, to) + "` is larger than " + max);
      }
    }
    return v;
  }

  /** Executed or not; negative (gcc's counter overflow bug) returns -1. Any length of digits. */
  int executionCount(int from, int to, String what) throws InputException {
    int i = from;
    boolean negative = i < to && buf[i] == '-';
    if (negative) {
      i++;
    }
    if (i >= to) {
      throw error(what + " `" + text(from, to) + "` is not an integer");
    }
    boolean nonZero = false;
    for (; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw error(what + " `" + text(from, to) + "` is not an integer");
      }
      nonZero |= d != 0;
    }
    return !nonZero ? 0 : negative ? -1 : 1;
  }

  /** 64-bit hash of {@code [from, to)} (FNV-1a with a final mix), for identities only. */
  long hash(int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ (buf[i] & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /** {@code [from, to)} as strict UTF-8. */
  String utf8(int from, int to) throws InputException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw error("not valid UTF-8");
    }
  }

  /** {@code [from, to)} for a message: Latin-1, at most 60 characters. */
  String text(int from, int to) {
    int n = Math.min(to - from, 60);
    String s = new String(buf, from, n, StandardCharsets.ISO_8859_1);
    return n < to - from ? s + "..." : s;
  }

  InputException error(String problem) {
    return new InputException(file, number, 0, problem);
  }
}
