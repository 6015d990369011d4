package dev.dxexporter.store;

import java.time.Instant;
import java.util.List;

/**
 * One coverage report in a history: when it arrived and its points (ratios via {@code ratio()}).
 */
public record CoverageRunPoint(Instant receivedAt, List<CoveragePoint> points) {
  public CoverageRunPoint {
    points = List.copyOf(points);
  }
}
