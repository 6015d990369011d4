package dev.dxexporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.webconfig.WebConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routes added without touching the server: each with its own path pattern, methods and
 * authentication (the web config's basic auth, a bearer token, an HMAC signature over the body),
 * answering on the request thread or later from another one.
 */
class RouteSeamTest {
  /** bcrypt (cost 4) of "secret", user "prom". */
  private static final String PROM_HASH =
      at.favre.lib.crypto.bcrypt.BCrypt.with(at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2Y)
          .hashToString(4, "secret".toCharArray());

  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private String base;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private void serve(WebConfig web) throws Exception {
    Authentication bearer =
        new BearerToken(ex -> ex.query("project").filter("p"::equals).map(p -> "t0ken-" + p));
    Authentication hmac =
        new HmacSignature(
            "X-Hub-Signature-256",
            "sha256=",
            () -> Optional.of("hook-secret".getBytes(StandardCharsets.UTF_8)),
            1024);
    server =
        new HttpServer(
            List.of(ListenAddress.parse("127.0.0.1:0")),
            List.of(
                Route.get(
                    "/own/{name}",
                    Authentication.WEB_CONFIG,
                    ex -> ex.respondText(200, "hello " + ex.pathParam("name").orElseThrow())),
                Route.post(
                    "/ingest",
                    bearer,
                    ex -> ex.respondText(202, "stored " + ex.bodyBytes(100).length)),
                Route.post(
                    "/hook",
                    hmac,
                    ex ->
                        ex.respondText(
                            200, new String(ex.bodyBytes(1024), StandardCharsets.UTF_8))),
                Route.get(
                    "/later",
                    Authentication.WEB_CONFIG,
                    ex ->
                        CompletableFuture.runAsync(
                            () ->
                                ex.respondText(200, "done on " + Thread.currentThread().getName()),
                            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))),
                new Route(
                    "/both",
                    Set.of("PUT", "DELETE"),
                    Authentication.NONE,
                    ex -> ex.respondText(200, ex.method()))),
            web);
    server.start();
    base = "http://127.0.0.1:" + server.ports().get(0);
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pathParametersMethodsAndUnknownPaths() throws Exception {
    serve(WebConfig.NONE);
    assertThat(send("GET", "/own/x", null).body()).isEqualTo("hello x");
    assertThat(send("HEAD", "/own/x", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/own/", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/own/x/y", null).statusCode()).isEqualTo(404);
    HttpResponse<String> wrong = send("POST", "/own/x", "");
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(send("GET", "/both", null).headers().firstValue("Allow")).contains("DELETE, PUT");
    assertThat(send("PUT", "/both", "").body()).isEqualTo("PUT");
  }

  @Test
  void aBearerRouteChecksItsOwnTokenNotTheWebConfigUsers() throws Exception {
    serve(new WebConfig(Optional.empty(), true, Map.of(), Map.of("prom", PROM_HASH)));
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("prom:secret".getBytes(StandardCharsets.UTF_8));
    // The exporter's own route wants basic auth ...
    assertThat(send("GET", "/own/x", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/own/x", null, "Authorization", basic).statusCode()).isEqualTo(200);
    // ... the ingest route its bearer token, and basic credentials do not open it.
    HttpResponse<String> none = send("POST", "/ingest?project=p", "abc");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(send("POST", "/ingest?project=p", "abc", "Authorization", basic).statusCode())
        .isEqualTo(401);
    assertThat(
            send("POST", "/ingest?project=p", "abc", "Authorization", "Bearer t0ken-q")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send("POST", "/ingest?project=q", "abc", "Authorization", "Bearer t0ken-q")
                .statusCode())
        .as("a project without a token accepts none")
        .isEqualTo(403);
    HttpResponse<String> ok =
        send("POST", "/ingest?project=p", "abc", "Authorization", "Bearer t0ken-p");
    assertThat(ok.statusCode()).isEqualTo(202);
    assertThat(ok.body()).isEqualTo("stored 3");
    assertThat(
            send("POST", "/ingest?project=p", "x".repeat(101), "Authorization", "Bearer t0ken-p")
                .statusCode())
        .isEqualTo(413);
  }

  @Test
  void anHmacRouteVerifiesTheSignatureOverTheBody() throws Exception {
    serve(WebConfig.NONE);
    String body = "{\"action\":\"completed\"}";
    String good = HmacSignature.sign("hook-secret", body.getBytes(StandardCharsets.UTF_8));
    String other = HmacSignature.sign("other", body.getBytes(StandardCharsets.UTF_8));
    assertThat(send("POST", "/hook", body).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/hook", body, "X-Hub-Signature-256", "sha1=ab").statusCode())
        .isEqualTo(401);
    assertThat(send("POST", "/hook", body, "X-Hub-Signature-256", "sha256=zz").statusCode())
        .isEqualTo(401);
    assertThat(send("POST", "/hook", body, "X-Hub-Signature-256", other).statusCode())
        .isEqualTo(401);
    assertThat(send("POST", "/hook", body + " ", "X-Hub-Signature-256", good).statusCode())
        .isEqualTo(401);
    HttpResponse<String> ok = send("POST", "/hook", body, "X-Hub-Signature-256", good);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo(body);
    assertThat(send("POST", "/hook", "x".repeat(2000), "X-Hub-Signature-256", good).statusCode())
        .isEqualTo(413);
  }

  @Test
  void aRouteMayAnswerLaterFromAnotherThread() throws Exception {
    serve(WebConfig.NONE);
    HttpResponse<String> later = send("GET", "/later", null);
    assertThat(later.statusCode()).isEqualTo(200);
    assertThat(later.body()).startsWith("done on ").doesNotContain("dx-http");
  }

  @Test
  void gzipFollowsAcceptEncodingQualities() {
    assertThat(AcceptEncoding.allowsGzip(List.of("gzip"))).isTrue();
    assertThat(AcceptEncoding.allowsGzip(List.of("gzip;q=0"))).isFalse();
    assertThat(AcceptEncoding.allowsGzip(List.of("gzip; q=0.0, *;q=1"))).isFalse();
    assertThat(AcceptEncoding.allowsGzip(List.of("br, GZIP;q=0.5"))).isTrue();
    assertThat(AcceptEncoding.allowsGzip(List.of("*"))).isTrue();
    assertThat(AcceptEncoding.allowsGzip(List.of("identity"))).isFalse();
    assertThat(AcceptEncoding.allowsGzip(List.of())).isFalse();
    assertThat(AcceptEncoding.allowsGzip(List.of("deflate", "x-gzip"))).isTrue();
  }
}
