package dev.dxexporter.http;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (400 for a malformed request line, 414 for a too-long URI, 431 for
 * too-large headers, 500) with the web config's extra headers, which the README promises on every
 * response: they never reach the {@link WebHandler} that sets them on the others. No stack traces.
 */
final class ConfiguredErrorHandler extends ErrorHandler {
  private final Supplier<Map<String, String>> headers;

  ConfiguredErrorHandler(Supplier<Map<String, String>> headers) {
    this.headers = headers;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    headers.get().forEach((name, value) -> response.getHeaders().put(name, value));
    return super.handle(request, response, callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    headers.get().forEach(fields::put);
    return super.badMessageError(status, reason, fields);
  }
}
