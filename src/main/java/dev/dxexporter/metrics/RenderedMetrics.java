package dev.dxexporter.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * One exposition in every format client_java offers. The bodies scrapers asked for lately ({@link
 * FormatDemand}) are written by the render, ahead of any scrape; any other is written from the same
 * state when first asked for (CPU only, never I/O; scrapes asking meanwhile wait for it) and kept
 * with this exposition. Which format a scrape gets is client_java's content negotiation ({@link
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
   * The bytes of one format, plain and gzipped, each written once (ahead when it is in demand) and
   * never modified afterwards.
   */
  public static final class Body {
    private final ExpositionFormatWriter writer;
    private final Supplier<MetricSnapshots> snapshots;
    private final FormatDemand demand;
    private volatile byte[] plain;
    private volatile byte[] gzip;

    /** {@code snapshots}: builds the exposition's snapshots again, for a body written late. */
    Body(ExpositionFormatWriter writer, Supplier<MetricSnapshots> snapshots, FormatDemand demand) {
      this.writer = writer;
      this.snapshots = snapshots;
      this.demand = demand;
    }

    /** Writes ahead, in the render, the encodings in demand. */
    void writeAhead(MetricSnapshots all) {
      if (demand.warm(contentType(), false)) {
        plain = write(all, false);
      }
      if (demand.warm(contentType(), true)) {
        gzip = write(all, true);
      }
    }

    public String contentType() {
      return writer.getContentType();
    }

    public byte[] plain() {
      demand.asked(contentType(), false);
      byte[] p = plain;
      if (p == null) {
        synchronized (this) {
          p = plain;
          if (p == null) {
            p = write(snapshots.get(), false);
            plain = p;
          }
        }
      }
      return p;
    }

    public byte[] gzip() {
      demand.asked(contentType(), true);
      byte[] g = gzip;
      if (g == null) {
        // Once, not once per scrape that asks at the same time: fifty scrapers of a 4 MB body
        // would otherwise compress it fifty times over.
        synchronized (this) {
          g = gzip;
          if (g == null) {
            g = write(snapshots.get(), true);
            gzip = g;
          }
        }
      }
      return g;
    }

    /**
     * True when the encoding is written (ahead or on an earlier ask): what a scrape finds ready.
     */
    boolean written(boolean gzipped) {
      return (gzipped ? gzip : plain) != null;
    }

    private byte[] write(MetricSnapshots all, boolean gzipped) {
      // Sized by the last body of this kind: a 4 MB page grown from 64 kB would leave 4 MB of
      // discarded smaller arrays behind every render. Gzip streams the text through the deflater,
      // so the plain page is never held when only the gzipped one is asked for.
      ByteArrayOutputStream bytes =
          new ByteArrayOutputStream(demand.sizeHint(contentType(), gzipped));
      try (OutputStream out = gzipped ? new GZIPOutputStream(bytes, 64 * 1024) : bytes) {
        writer.write(out, all);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
      }
      demand.wrote(contentType(), gzipped, bytes.size());
      return bytes.toByteArray();
    }
  }
}
