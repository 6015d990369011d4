package dev.dxexporter.http;

import dev.dxexporter.config.WebConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of every path: sets the web config's extra headers on every response, then, when users
 * are configured, requires basic auth (401 with {@code WWW-Authenticate: Basic} otherwise). The
 * settings are swapped as a whole on reload; a request never reads a file.
 */
final class WebHandler extends Handler.Wrapper {
  private static final byte[] UNAUTHORIZED = "Unauthorized\n".getBytes(StandardCharsets.UTF_8);

  private record Settings(Map<String, String> headers, Optional<BasicAuth> auth) {}

  private volatile Settings settings;

  WebHandler(Handler next, WebConfig web) {
    super(next);
    apply(web);
  }

  /** Takes the headers and users of {@code web} for the requests that follow. */
  void apply(WebConfig web) {
    settings =
        new Settings(
            web.headers(),
            web.users().isEmpty() ? Optional.empty() : Optional.of(new BasicAuth(web.users())));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Settings s = settings;
    s.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    if (s.auth().isEmpty()
        || BasicAuth.parse(request.getHeaders().get(HttpHeader.AUTHORIZATION))
            .map(s.auth().get()::verify)
            .orElse(false)) {
      return super.handle(request, response, callback);
    }
    response.setStatus(HttpStatus.UNAUTHORIZED_401);
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, UNAUTHORIZED.length);
    response.write(true, ByteBuffer.wrap(UNAUTHORIZED), callback);
    return true;
  }
}
