package dev.dxexporter.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which bodies (format and encoding) scrapers asked for lately, and how big each was last time. A
 * render writes ahead only the bodies asked for within {@link #WARM}, so that a thousand-project
 * page costs one format's bytes and CPU a render, not three formats plain and gzipped; any other
 * body is written when first asked for (then it is warm, too). Until anyone asks, the body
 * Prometheus asks for by default (OpenMetrics, gzip) is taken as asked for.
 */
final class FormatDemand {
  /** Longer than any sensible scrape interval: a scraper that stops is forgotten after this. */
  static final Duration WARM = Duration.ofMinutes(15);

  private final LongSupplier nanoTime;
  private final Map<String, Long> askedAt = new ConcurrentHashMap<>();
  private final Map<String, Integer> lastSize = new ConcurrentHashMap<>();

  FormatDemand(LongSupplier nanoTime, String defaultContentType) {
    this.nanoTime = nanoTime;
    askedAt.put(key(defaultContentType, true), nanoTime.getAsLong());
  }

  void asked(String contentType, boolean gzip) {
    askedAt.put(key(contentType, gzip), nanoTime.getAsLong());
  }

  boolean warm(String contentType, boolean gzip) {
    Long at = askedAt.get(key(contentType, gzip));
    return at != null && nanoTime.getAsLong() - at < WARM.toNanos();
  }

  /** A first buffer size for the body: its last size and a little, so that it is not regrown. */
  int sizeHint(String contentType, boolean gzip) {
    int last = lastSize.getOrDefault(key(contentType, gzip), 16 * 1024);
    return last + last / 8 + 256;
  }

  void wrote(String contentType, boolean gzip, int bytes) {
    lastSize.put(key(contentType, gzip), bytes);
  }

  private static String key(String contentType, boolean gzip) {
    return gzip ? contentType + "+gzip" : contentType;
  }
}
