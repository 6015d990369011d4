package dev.dxexporter.http;

import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG line of recent values (no script, no external resource), with its range in
 * words for screen readers. Fewer than two values draw nothing.
 */
final class Sparkline {
  static final int WIDTH = 96;
  static final int HEIGHT = 24;

  private Sparkline() {}

  static String svg(List<Double> values, String label) {
    if (values.size() < 2) {
      return "";
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double span = max - min == 0 ? 1 : max - min;
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      double x = 1 + (WIDTH - 2) * i / (double) (values.size() - 1);
      double y = (HEIGHT - 2) - (HEIGHT - 4) * (values.get(i) - min) / span;
      points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
    }
    return ("<svg class=\"spark\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
            + " aria-label=\"%s\"><title>%s</title><polyline fill=\"none\" stroke=\"currentColor\""
            + " stroke-width=\"1.5\" points=\"%s\"/></svg>")
        .formatted(
            WIDTH, HEIGHT, WIDTH, HEIGHT, LandingPage.esc(label), LandingPage.esc(label), points);
  }
}
