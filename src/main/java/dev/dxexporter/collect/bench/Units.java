package dev.dxexporter.collect.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Benchmark units: times per iteration, rates, and which way each is better.
 *
 * <ul>
 *   <li>A <b>time</b> unit is {@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s} (also {@code
 *       nsec}, {@code usec}, {@code msec}, {@code sec}, {@code seconds}), optionally {@code /iter}
 *       or {@code /op} after it: lower is better.
 *   <li>A <b>rate</b> is {@code X/s} (also {@code /sec}, {@code /ms}, {@code /us}, {@code /ns},
 *       {@code /min}): higher is better. {@code ops}, {@code op}, {@code iter}, {@code iterations}
 *       normalise to {@code ops/s}; {@code B}, {@code KB}, {@code MB}, {@code GB} (decimal, as Go's
 *       {@code MB/s}) and {@code KiB}, {@code MiB}, {@code GiB} to {@code bytes/s}; {@code elem},
 *       {@code elements}, {@code items} to {@code elements/s}. Other numerators ({@code req/s},
 *       {@code MS/s}) stay as printed.
 *   <li>Any other <b>per-operation</b> unit ({@code B/op}, {@code allocs/op}, {@code cycles/iter})
 *       is a cost: lower is better.
 *   <li>Anything else ({@code Percent}, {@code Megabytes}) has no direction of its own.
 * </ul>
 */
public final class Units {
  /** The unit of normalised times: seconds per iteration. */
  public static final String SECONDS = "s";

  public static final String OPS_PER_SECOND = "ops/s";
  public static final String BYTES_PER_SECOND = "bytes/s";
  public static final String ELEMENTS_PER_SECOND = "elements/s";

  private static final Map<String, Double> TIME =
      Map.ofEntries(
          Map.entry("ns", 1e-9),
          Map.entry("nsec", 1e-9),
          Map.entry("us", 1e-6),
          Map.entry("µs", 1e-6),
          Map.entry("μs", 1e-6),
          Map.entry("usec", 1e-6),
          Map.entry("ms", 1e-3),
          Map.entry("msec", 1e-3),
          Map.entry("s", 1.0),
          Map.entry("sec", 1.0),
          Map.entry("second", 1.0),
          Map.entry("seconds", 1.0),
          Map.entry("min", 60.0));

  private static final Map<String, Double> BYTES =
      Map.of(
          "b", 1.0,
          "bytes", 1.0,
          "kb", 1e3,
          "mb", 1e6,
          "gb", 1e9,
          "kib", 1024.0,
          "mib", 1024.0 * 1024,
          "gib", 1024.0 * 1024 * 1024);

  private Units() {}

  /** Seconds per unit for a time unit ({@code ns}, {@code ms/op}, {@code usec}), else NaN. */
  public static double secondsPer(String unit) {
    if (unit == null) {
      return Double.NaN;
    }
    String u = unit.strip();
    for (String suffix : new String[] {"/iter", "/op", "/iteration", "/call"}) {
      if (u.endsWith(suffix)) {
        u = u.substring(0, u.length() - suffix.length());
        break;
      }
    }
    Double factor = TIME.get(u);
    return factor == null ? Double.NaN : factor;
  }

  /** {@code value} in a rate unit as a normalised {@link Throughput}, or null if not a rate. */
  public static Throughput throughput(double value, String unit) {
    if (unit == null) {
      return null;
    }
    int slash = unit.lastIndexOf('/');
    if (slash <= 0) {
      return null;
    }
    String per = unit.substring(slash + 1).strip();
    Double perSeconds = TIME.get(per);
    if (perSeconds == null) {
      return null;
    }
    double perSecond = value / perSeconds;
    String what = unit.substring(0, slash).strip();
    String lower = what.toLowerCase(Locale.ROOT);
    if (lower.equals("ops") || lower.equals("op") || lower.startsWith("iter")) {
      return new Throughput(perSecond, OPS_PER_SECOND);
    }
    if (BYTES.containsKey(lower) && !what.equals("b")) { // "b" would be bits
      return new Throughput(perSecond * BYTES.get(lower), BYTES_PER_SECOND);
    }
    if (lower.equals("elem") || lower.equals("elements") || lower.equals("items")) {
      return new Throughput(perSecond, ELEMENTS_PER_SECOND);
    }
    return new Throughput(perSecond, what + "/s");
  }

  /** Which way the unit gets better, or null when it does not say. */
  public static Direction direction(String unit) {
    if (unit == null) {
      return null;
    }
    if (!Double.isNaN(secondsPer(unit))) {
      return Direction.LOWER_IS_BETTER;
    }
    if (throughput(1, unit) != null) {
      return Direction.HIGHER_IS_BETTER;
    }
    int slash = unit.lastIndexOf('/');
    if (slash > 0) {
      String per = unit.substring(slash + 1).strip();
      if (per.equals("op") || per.equals("iter") || per.equals("iteration")) {
        return Direction.LOWER_IS_BETTER;
      }
    }
    return null;
  }
}
