package dev.dxexporter.http;

import dev.dxexporter.metrics.RenderedMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes the exporter's endpoints: the telemetry path, {@code /}, {@code /-/healthy} and {@code
 * /-/ready}, GET and HEAD, all answered from memory; and POST {@code /-/reload}, which re-reads the
 * config (blocking until the new collectors are scheduled).
 */
final class ExporterHandler extends Handler.Abstract {
  private final String telemetryPath;
  private final ExporterStatus status;
  private final LandingPage landing;
  private final Reloader reloader;

  ExporterHandler(String telemetryPath, String version, ExporterStatus status, Reloader reloader) {
    this.telemetryPath = telemetryPath;
    this.status = status;
    this.reloader = reloader;
    this.landing = new LandingPage(version, telemetryPath);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    boolean known =
        path.equals(telemetryPath)
            || path.equals("/-/healthy")
            || path.equals("/-/ready")
            || path.equals("/-/reload")
            || path.equals("/");
    if (!known) {
      return send(
          response,
          callback,
          HttpStatus.NOT_FOUND_404,
          "text/plain; charset=utf-8",
          bytes("404 page not found\n"),
          false,
          null);
    }
    boolean head = HttpMethod.HEAD.is(method);
    if (path.equals("/-/reload") && !path.equals(telemetryPath)) {
      return reload(response, callback, method);
    }
    if (!head && !HttpMethod.GET.is(method)) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      return send(
          response,
          callback,
          HttpStatus.METHOD_NOT_ALLOWED_405,
          "text/plain; charset=utf-8",
          bytes("405 method not allowed\n"),
          head,
          null);
    }
    if (path.equals(telemetryPath)) {
      return metrics(request, response, callback, head);
    }
    return switch (path) {
      case "/-/healthy" ->
          send(
              response, callback, 200, "text/plain; charset=utf-8", bytes("Healthy\n"), head, null);
      case "/-/ready" ->
          status.ready()
              ? send(
                  response,
                  callback,
                  200,
                  "text/plain; charset=utf-8",
                  bytes("Ready\n"),
                  head,
                  null)
              : send(
                  response,
                  callback,
                  HttpStatus.SERVICE_UNAVAILABLE_503,
                  "text/plain; charset=utf-8",
                  bytes("Not ready: not every collector has run once yet\n"),
                  head,
                  null);
      default ->
          send(
              response,
              callback,
              200,
              "text/html; charset=UTF-8",
              bytes(landing.render(status.collectors())),
              head,
              null);
    };
  }

  private boolean reload(Response response, Callback callback, String method) {
    if (!HttpMethod.POST.is(method)) {
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      return send(
          response,
          callback,
          HttpStatus.METHOD_NOT_ALLOWED_405,
          "text/plain; charset=utf-8",
          bytes("This endpoint requires a POST request.\n"),
          false,
          null);
    }
    return reloader
        .reload()
        .map(
            error ->
                send(
                    response,
                    callback,
                    HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "text/plain; charset=utf-8",
                    bytes("failed to reload config: " + error + "\n"),
                    false,
                    null))
        .orElseGet(
            () ->
                send(
                    response,
                    callback,
                    200,
                    "text/plain; charset=utf-8",
                    bytes("OK\n"),
                    false,
                    null));
  }

  private boolean metrics(Request request, Response response, Callback callback, boolean head) {
    RenderedMetrics m = status.rendered();
    boolean openMetrics = accepts(request, HttpHeader.ACCEPT, "application/openmetrics-text");
    boolean gzip = accepts(request, HttpHeader.ACCEPT_ENCODING, "gzip");
    byte[] body =
        openMetrics
            ? (gzip ? m.openMetricsGzip() : m.openMetrics())
            : (gzip ? m.textGzip() : m.text());
    String type = openMetrics ? m.openMetricsContentType() : m.textContentType();
    response.getHeaders().put(HttpHeader.VARY, "Accept, Accept-Encoding");
    return send(response, callback, 200, type, body, head, gzip ? "gzip" : null);
  }

  private static boolean accepts(Request request, HttpHeader header, String token) {
    for (HttpField field : request.getHeaders().getFields(header)) {
      if (field.getValue().contains(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean send(
      Response response,
      Callback callback,
      int status,
      String contentType,
      byte[] body,
      boolean head,
      String encoding) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    if (encoding != null) {
      response.getHeaders().put(HttpHeader.CONTENT_ENCODING, encoding);
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    return true;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
