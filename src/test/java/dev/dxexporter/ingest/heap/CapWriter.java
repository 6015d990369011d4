package dev.dxexporter.ingest.heap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** A file streamed to disk as head, numbered entries while under a size, tail (ASCII only). */
final class CapWriter {
  /** 64 KiB under a cap: the file is accepted (the last entry may overshoot the target). */
  static final long MARGIN = 64L << 10;

  private CapWriter() {}

  /** {@code head}, entries while under {@code bytes - tail}, {@code tail}; returns the size. */
  static long fill(Path file, long bytes, String head, String tail, IntFunction<String> entry)
      throws IOException {
    Files.createDirectories(file.getParent());
    long limit = bytes - tail.length();
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write(head);
      long written = head.length();
      for (int i = 0; written < limit; i++) {
        String e = entry.apply(i);
        w.write(e);
        written += e.length();
      }
      w.write(tail);
    }
    return Files.size(file);
  }

  /** {@code head}, entries 0 to {@code count - 1}, {@code tail}; returns the size. */
  static long write(Path file, String head, String tail, int count, IntFunction<String> entry)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write(head);
      for (int i = 0; i < count; i++) {
        w.write(entry.apply(i));
      }
      w.write(tail);
    }
    return Files.size(file);
  }

  /** {@code bytes} less the margin when it is the format's cap, else {@code bytes} as asked. */
  static long underCap(long cap, long asked) {
    return asked > 0 ? asked : cap - MARGIN;
  }
}
