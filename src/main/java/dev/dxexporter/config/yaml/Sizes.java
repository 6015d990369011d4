package dev.dxexporter.config.yaml;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes in config files: a number with an optional unit, decimal ({@code kB}, {@code MB},
 * {@code GB}: powers of 1000, as the roadmap counts) or binary ({@code KiB}, {@code MiB}, {@code
 * GiB}), or {@code B}; a bare number is bytes.
 */
public final class Sizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kKMGT]i?B|B)?");

  private Sizes() {}

  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a size (e.g. 512MiB, 1GB, 1048576)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    long factor =
        switch (unit.toUpperCase(Locale.ROOT)) {
          case "B" -> 1L;
          case "KB" -> 1_000L;
          case "MB" -> 1_000_000L;
          case "GB" -> 1_000_000_000L;
          case "TB" -> 1_000_000_000_000L;
          case "KIB" -> 1L << 10;
          case "MIB" -> 1L << 20;
          case "GIB" -> 1L << 30;
          case "TIB" -> 1L << 40;
          default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    try {
      return Math.multiplyExact(n, factor);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + text + "\" is too large");
    }
  }
}
