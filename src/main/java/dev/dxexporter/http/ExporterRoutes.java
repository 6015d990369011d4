package dev.dxexporter.http;

import dev.dxexporter.metrics.RenderedMetrics;
import java.util.List;
import java.util.Optional;

/**
 * The exporter's own endpoints, behind the web config's basic auth (health and readiness optionally
 * not): the telemetry path, the landing page {@code /}, {@code /-/healthy}, {@code /-/ready} and
 * POST {@code /-/reload}.
 */
public final class ExporterRoutes {
  private ExporterRoutes() {}

  public static List<Route> of(String telemetryPath, String version, ExporterStatus status) {
    return of(telemetryPath, version, status, false);
  }

  /**
   * With {@code openHealth}, {@code /-/healthy} and {@code /-/ready} need no login: they tell only
   * whether the exporter runs and has collected, and a Kubernetes probe cannot send a password
   * without writing it into the pod spec.
   */
  public static List<Route> of(
      String telemetryPath, String version, ExporterStatus status, boolean openHealth) {
    LandingPage landing = new LandingPage(version, telemetryPath);
    Authentication auth = Authentication.WEB_CONFIG;
    Authentication health = openHealth ? Authentication.NONE : auth;
    return List.of(
        Route.get(telemetryPath, auth, ex -> metrics(ex, status.rendered())),
        Route.get(
            "/-/healthy",
            health,
            ex -> {
              Optional<String> problem = status.unhealthy();
              if (problem.isEmpty()) {
                ex.respondText(200, "Healthy\n");
              } else {
                ex.respondText(503, "Unhealthy: " + problem.get() + "\n");
              }
            }),
        Route.get(
            "/-/ready",
            health,
            ex -> {
              if (status.ready()) {
                ex.respondText(200, "Ready\n");
              } else {
                ex.respondText(503, "Not ready: not every collector has run once yet\n");
              }
            }),
        Route.post(
            "/-/reload",
            auth,
            ex ->
                status
                    .reload()
                    .whenComplete(
                        (error, failure) -> {
                          if (failure != null) {
                            ex.respondText(500, "failed to reload config: " + failure + "\n");
                          } else if (error.isPresent()) {
                            ex.respondText(500, "failed to reload config: " + error.get() + "\n");
                          } else {
                            ex.respondText(200, "OK\n");
                          }
                        })),
        Route.get(
            "/",
            auth,
            ex ->
                ex.respond(
                    200,
                    "text/html; charset=UTF-8",
                    landing
                        .render(status.collectors(), status.pageSections(), status.cards())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  /**
   * The pre-rendered exposition in the format client_java's negotiation picks from {@code Accept},
   * gzipped when {@code Accept-Encoding} allows it.
   */
  private static void metrics(Exchange ex, RenderedMetrics rendered) {
    RenderedMetrics.Body body = rendered.negotiate(ex.header("Accept").orElse(null));
    boolean gzip = AcceptEncoding.allowsGzip(ex.headers("Accept-Encoding"));
    ex.responseHeader("Vary", "Accept, Accept-Encoding");
    if (gzip) {
      ex.responseHeader("Content-Encoding", "gzip");
    }
    ex.respond(200, body.contentType(), gzip ? body.gzip() : body.plain());
  }
}
