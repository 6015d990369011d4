package dev.dxexporter.http;

import dev.dxexporter.webconfig.WebConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: the web config's extra headers on the response; the route whose pattern matches
 * (404 without one, 405 with the {@code Allow} header for another method); the route's own
 * authentication ({@link Authentication#WEB_CONFIG}: basic auth when the web config has users, also
 * in front of unknown paths); then its handler. The web settings are swapped as a whole on reload;
 * a request never reads a file.
 */
final class WebHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(WebHandler.class);

  private record Settings(Map<String, String> headers, Optional<BasicAuth> auth) {}

  private final List<Route> routes;
  private volatile Settings settings;

  WebHandler(List<Route> routes, WebConfig web) {
    this.routes = List.copyOf(routes);
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
  public boolean handle(Request request, Response response, Callback callback) {
    Settings s = settings;
    s.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    JettyExchange exchange = new JettyExchange(request, response, callback);
    Route route = null;
    Route pathOnly = null;
    for (Route r : routes) {
      Optional<Map<String, String>> params = r.match(exchange.path());
      if (params.isPresent()) {
        pathOnly = pathOnly == null ? r : pathOnly;
        if (r.allows(exchange.method())) {
          route = r;
          exchange.pathParams(params.get());
          break;
        }
      }
    }
    Authentication auth = route == null ? Authentication.WEB_CONFIG : route.authentication();
    try {
      if (auth == Authentication.WEB_CONFIG) {
        if (s.auth().isPresent()
            && !BasicAuth.parse(request.getHeaders().get(HttpHeader.AUTHORIZATION))
                .map(s.auth().get()::verify)
                .orElse(false)) {
          exchange.responseHeader(HttpHeader.WWW_AUTHENTICATE.asString(), "Basic");
          exchange.respondText(HttpStatus.UNAUTHORIZED_401, "Unauthorized\n");
          return true;
        }
      }
      if (pathOnly == null) {
        exchange.respondText(HttpStatus.NOT_FOUND_404, "404 page not found\n");
        return true;
      }
      if (route == null) {
        exchange.responseHeader(HttpHeader.ALLOW.asString(), pathOnly.allowHeader());
        exchange.respondText(HttpStatus.METHOD_NOT_ALLOWED_405, "405 method not allowed\n");
        return true;
      }
      if (auth != Authentication.WEB_CONFIG) {
        Authentication.Decision d = auth.authenticate(exchange);
        if (!d.allowed()) {
          d.headers().forEach(exchange::responseHeader);
          exchange.respondText(
              d.status(), d.message().endsWith("\n") ? d.message() : d.message() + "\n");
          return true;
        }
      }
      route.handler().handle(exchange);
    } catch (Exchange.BodyTooLargeException e) {
      if (!exchange.responded()) {
        exchange.respondText(HttpStatus.PAYLOAD_TOO_LARGE_413, e.getMessage());
      }
    } catch (Exception | Error e) {
      log.error("{} {} failed", exchange.method(), exchange.path(), e);
      if (!exchange.responded()) {
        exchange.respondText(HttpStatus.INTERNAL_SERVER_ERROR_500, "internal error\n");
      }
    }
    return true;
  }
}
