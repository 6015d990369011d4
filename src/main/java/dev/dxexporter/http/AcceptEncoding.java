package dev.dxexporter.http;

import java.util.List;
import java.util.Locale;

/**
 * Whether a request's {@code Accept-Encoding} allows gzip (RFC 9110 §12.5.3): {@code gzip} or
 * {@code *} with a q-value above zero; {@code gzip;q=0} refuses it even where {@code *} would allow
 * it. Malformed q-values count as 1, as most servers read them.
 */
final class AcceptEncoding {
  private AcceptEncoding() {}

  static boolean allowsGzip(List<String> headers) {
    Double gzip = null;
    Double star = null;
    for (String header : headers) {
      for (String item : header.split(",")) {
        String[] parts = item.split(";");
        String coding = parts[0].trim().toLowerCase(Locale.ROOT);
        double q = 1;
        for (int i = 1; i < parts.length; i++) {
          String p = parts[i].trim().toLowerCase(Locale.ROOT);
          if (p.startsWith("q=")) {
            try {
              q = Double.parseDouble(p.substring(2).trim());
            } catch (NumberFormatException e) {
              q = 1;
            }
          }
        }
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          gzip = gzip == null ? q : Math.max(gzip, q);
        } else if (coding.equals("*")) {
          star = q;
        }
      }
    }
    if (gzip != null) {
      return gzip > 0;
    }
    return star != null && star > 0;
  }
}
