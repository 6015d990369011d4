package dev.dxexporter.collect.bench;

import java.math.BigDecimal;

/**
 * Formats numbers the way JavaScript's {@code String(number)} does (ECMAScript Number::toString:
 * integers without a fraction, plain decimals from 1e-6 to 1e21, exponent form {@code 2.5e-8}
 * outside), so that {@link ReportedValue} texts read like github-action-benchmark's. The digits are
 * Java's {@link Double#toString}, which is the shortest round-trip form in all but rare cases on
 * JDK 17.
 */
final class JsNumbers {
  private JsNumbers() {}

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int k = digits.length();
    int n = k - d.scale(); // the decimal point sits after n digits
    StringBuilder out = new StringBuilder(v < 0 ? "-" : "");
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }
}
