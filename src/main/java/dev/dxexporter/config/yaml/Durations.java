package dev.dxexporter.config.yaml;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus-style durations ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 7d}, {@code 2w}), the
 * form Prometheus users already write in their own configs.
 */
public final class Durations {
  private static final Pattern WHOLE =
      Pattern.compile("(?:\\d+y)?(?:\\d+w)?(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?(?:\\d+ms)?");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");

  private Durations() {}

  /** Parses a duration; throws IllegalArgumentException with the accepted form on bad input. */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty() || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "not a duration: \"" + text + "\" (expected e.g. 30s, 5m, 1h30m, 7d)");
    }
    try {
      return sum(text);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration too large: \"" + text + "\"");
    }
  }

  private static Duration sum(String text) {
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "y" -> Duration.ofDays(Math.multiplyExact(365, n));
                case "w" -> Duration.ofDays(Math.multiplyExact(7, n));
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
              });
    }
    return total;
  }

  /** The shortest Prometheus-style form of a duration, e.g. {@code 1h30m}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long ms = d.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms >= sizes[i]) {
        out.append(ms / sizes[i]).append(units[i]);
        ms %= sizes[i];
      }
    }
    return out.toString();
  }
}
