package dev.dxexporter.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * One exposition, rendered once per change in every format, so that a scrape only picks bytes.
 * Which format a scrape gets is client_java's content negotiation ({@link
 * ExpositionFormats#findWriter}) over its {@code Accept} header.
 */
public final class RenderedMetrics {
  private final ExpositionFormats formats;
  private final Map<String, Body> bodies;

  RenderedMetrics(ExpositionFormats formats, Map<String, Body> bodies) {
    this.formats = formats;
    this.bodies = Map.copyOf(bodies);
  }

  /** The body for a request with this {@code Accept} header (null or empty: text 0.0.4). */
  public Body negotiate(String accept) {
    ExpositionFormatWriter writer = formats.findWriter(accept);
    Body body = bodies.get(writer.getContentType());
    return body != null
        ? body
        : bodies.get(formats.getPrometheusTextFormatWriter().getContentType());
  }

  /**
   * The bytes of one format; the gzipped form is made on first use and kept (CPU only, once per
   * change and format, never I/O; scrapes asking meanwhile wait for it). The arrays are never
   * modified after construction.
   */
  public static final class Body {
    private final String contentType;
    private final byte[] plain;
    private volatile byte[] gzip;

    Body(String contentType, byte[] plain) {
      this.contentType = contentType;
      this.plain = plain;
    }

    public String contentType() {
      return contentType;
    }

    public byte[] plain() {
      return plain;
    }

    public byte[] gzip() {
      byte[] g = gzip;
      if (g == null) {
        // Once, not once per scrape that asks at the same time: fifty scrapers of a 4 MB body
        // would otherwise compress it fifty times over.
        synchronized (this) {
          g = gzip;
          if (g == null) {
            g = compress(plain);
            gzip = g;
          }
        }
      }
      return g;
    }

    private static byte[] compress(byte[] bytes) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }
}
