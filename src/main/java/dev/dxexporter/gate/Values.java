package dev.dxexporter.gate;

import java.util.Locale;

/** Numbers of the card in words a person reads: 4.2 s, 3.5 min, 8.5 GB, 95.0 %, 61. */
public final class Values {
  private Values() {}

  public static String format(double value, Objective.Unit unit) {
    return switch (unit) {
      case SECONDS -> seconds(value);
      case BYTES -> bytes(value);
      case RATIO -> number(value * 100, 1) + " %";
      case COUNT -> number(value, 1);
    };
  }

  private static String seconds(double s) {
    double a = Math.abs(s);
    if (a < 1) {
      return number(s * 1000, 0) + " ms";
    }
    if (a < 120) {
      return number(s, 2) + " s";
    }
    if (a < 7200) {
      return number(s / 60, 1) + " min";
    }
    return number(s / 3600, 1) + " h";
  }

  private static String bytes(double b) {
    double a = Math.abs(b);
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    int i = 0;
    while (a >= 1000 && i < units.length - 1) {
      a /= 1000;
      b /= 1000;
      i++;
    }
    return number(b, i == 0 ? 0 : 1) + " " + units[i];
  }

  /** {@code v} with at most {@code decimals} decimals and no trailing zeros: 90, 0.22, 8.5. */
  private static String number(double v, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.equals("-0") ? "0" : s;
  }

  /** The goal as the roadmap writes it: {@code < 90 s}, {@code > 95.0 %}. */
  public static String line(Objective o, java.util.OptionalDouble v) {
    if (v.isEmpty()) {
      return "";
    }
    String op = o.direction() == Objective.Direction.LOWER_IS_BETTER ? "< " : "> ";
    return op + format(v.getAsDouble(), o.unit());
  }
}
