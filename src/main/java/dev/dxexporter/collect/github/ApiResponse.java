package dev.dxexporter.collect.github;

import java.net.URI;
import java.net.http.HttpHeaders;

/** A JSON response: 200 with its body, or 304 (not modified) without one. */
record ApiResponse(URI uri, int status, HttpHeaders headers, byte[] body) {
  boolean notModified() {
    return status == 304;
  }

  String etag() {
    return headers.firstValue("etag").orElse(null);
  }
}
