package dev.dxexporter.collect.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small text helpers for responses: error messages, origins, token fingerprints. */
final class ResponseText {
  private static final int ERROR_BODY_BYTES = 64 * 1024;

  static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  static String errorBody(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // Nothing to recover: the body is not needed.
    }
  }

  /** GitHub's JSON error {@code message}, else the start of the body. */
  static String message(String body) {
    int at = body.indexOf("\"message\"");
    if (at >= 0) {
      int open = body.indexOf('"', body.indexOf(':', at) + 1);
      int end = open < 0 ? -1 : body.indexOf('"', open + 1);
      if (end > open) {
        return body.substring(open + 1, end);
      }
    }
    String text = body.strip();
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  static String fingerprint(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  private ResponseText() {}
}
