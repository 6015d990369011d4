package dev.dxexporter.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request and its response, as a route sees it (no Jetty types). A handler answers with
 * {@link #respond} exactly once, on its own thread or later from another one: a route that waits
 * for slow work (a reload) returns at once and responds when the work is done, holding no HTTP
 * thread.
 */
public interface Exchange {
  String method();

  /** The path, decoded, without the query. */
  String path();

  /** A {@code {name}} segment of the route's pattern. */
  Optional<String> pathParam(String name);

  /** The first value of a query parameter. */
  Optional<String> query(String name);

  /** The first value of a request header. */
  Optional<String> header(String name);

  List<String> headers(String name);

  /** The request body as it arrives (not decoded); the handler bounds what it reads. */
  InputStream body() throws IOException;

  /**
   * The whole body, at most {@code maxBytes}, read once and kept (an authentication that signs the
   * body and the handler see the same bytes).
   *
   * @throws BodyTooLargeException past {@code maxBytes} (answer 413)
   */
  byte[] bodyBytes(long maxBytes) throws IOException;

  /** Sets a response header (before {@link #respond}). */
  void responseHeader(String name, String value);

  /** Sends the response; a HEAD request gets the headers only. */
  void respond(int status, String contentType, byte[] body);

  /** A plain-text response. */
  default void respondText(int status, String text) {
    respond(
        status,
        "text/plain; charset=utf-8",
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Thrown by {@link #bodyBytes} when the body is larger than allowed. */
  final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
      super("request body is larger than " + limit + " bytes");
    }
  }
}
