package dev.dxexporter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Exchange} over Jetty 12's request, response and callback. */
final class JettyExchange implements Exchange {
  private static final Logger log = LoggerFactory.getLogger(JettyExchange.class);

  private final Request request;
  private final Response response;
  private final Callback callback;
  private final String path;
  private final AtomicBoolean responded = new AtomicBoolean();
  private Map<String, String> pathParams = Map.of();
  private Fields query;
  private byte[] body;

  JettyExchange(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.path = Request.getPathInContext(request);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  boolean responded() {
    return responded.get();
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Optional<String> pathParam(String name) {
    return Optional.ofNullable(pathParams.get(name));
  }

  @Override
  public Optional<String> query(String name) {
    if (query == null) {
      query = Request.extractQueryParameters(request);
    }
    return Optional.ofNullable(query.getValue(name));
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  @Override
  public List<String> headers(String name) {
    return request.getHeaders().getValuesList(name);
  }

  @Override
  public InputStream body() {
    return Content.Source.asInputStream(request);
  }

  @Override
  public synchronized byte[] bodyBytes(long maxBytes) throws IOException {
    if (body != null) {
      return body;
    }
    long declared = request.getLength();
    if (declared > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 1 << 20)));
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = body()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + (long) n > maxBytes) {
          throw new BodyTooLargeException(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    }
    body = out.toByteArray();
    return body;
  }

  @Override
  public void responseHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  @Override
  public void respond(int status, String contentType, byte[] bytes) {
    if (!responded.compareAndSet(false, true)) {
      log.warn("{} {}: a second response was dropped", method(), path);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? null : ByteBuffer.wrap(bytes), callback);
  }
}
