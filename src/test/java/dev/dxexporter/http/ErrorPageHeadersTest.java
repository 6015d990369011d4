package dev.dxexporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.webconfig.WebConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jetty answers malformed requests itself; its error pages carry the configured headers too. */
class ErrorPageHeadersTest {
  private HttpServer server;
  private int port;

  @BeforeEach
  void serve() throws Exception {
    WebConfig web =
        new WebConfig(
            Optional.empty(),
            true,
            Map.of("X-Frame-Options", "deny", "Strict-Transport-Security", "max-age=31536000"),
            Map.of());
    server =
        new HttpServer(
            List.of(ListenAddress.parse("127.0.0.1:0")),
            List.of(Route.get("/ok", Authentication.NONE, ex -> ex.respondText(200, "ok\n"))),
            web);
    server.start();
    port = server.ports().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "malformed request line, 400",
    "too-long URI, 414",
    "too-large headers, 431",
    "valid request, 200"
  })
  void everyResponseCarriesTheConfiguredHeaders(String what, int status) throws Exception {
    String request =
        switch (what) {
          case "malformed request line" -> "GET\u0001 nonsense\r\n\r\n";
          case "too-long URI" -> "GET /ok?" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
          case "too-large headers" ->
              "GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n";
          default -> "GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        };
    try (RawHttp raw = new RawHttp(port, 5_000)) {
      raw.send(request);
      String response = raw.readAll();

      assertThat(response).startsWith("HTTP/1.1 " + status + " ");
      assertThat(response.lines().takeWhile(l -> !l.isEmpty()))
          .contains("X-Frame-Options: deny", "Strict-Transport-Security: max-age=31536000");
    }
  }
}
