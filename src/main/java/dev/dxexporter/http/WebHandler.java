package dev.dxexporter.http;

import dev.dxexporter.webconfig.WebConfig;
import java.time.Duration;
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
  private final FailedLoginLog failedLogins =
      new FailedLoginLog(log, System::nanoTime, Duration.ofSeconds(10));
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
            web.users().isEmpty() ? Optional.empty() : Optional.of(BasicAuth.of(web.users())));
  }

  /** The web config's extra headers in force, for responses made outside this handler. */
  Map<String, String> headers() {
    return settings.headers();
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
        if (s.auth().isPresent() && !basicAuth(s.auth().get(), request, exchange)) {
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

  /** Whether the request's basic auth lets it through; if not, the refusal is sent (and logged). */
  private boolean basicAuth(BasicAuth auth, Request request, JettyExchange exchange) {
    Optional<BasicAuth.Credentials> credentials =
        BasicAuth.parse(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    BasicAuth.Outcome outcome = credentials.map(auth::verify).orElse(BasicAuth.Outcome.DENIED);
    if (outcome == BasicAuth.Outcome.ALLOWED) {
      return true;
    }
    if (credentials.isPresent()) {
      failedLogins.refused(
          credentials.get().user(),
          Request.getRemoteAddr(request),
          outcome == BasicAuth.Outcome.BUSY ? "too many password checks at once" : "bad login");
    }
    if (outcome == BasicAuth.Outcome.BUSY) {
      // Refused at once rather than queued: a queue would hold every server thread in a flood.
      exchange.responseHeader(HttpHeader.RETRY_AFTER.asString(), "1");
      exchange.respondText(HttpStatus.TOO_MANY_REQUESTS_429, "Too many password checks\n");
    } else {
      exchange.responseHeader(HttpHeader.WWW_AUTHENTICATE.asString(), "Basic");
      exchange.respondText(HttpStatus.UNAUTHORIZED_401, "Unauthorized\n");
    }
    return false;
  }
}
