package dev.dxexporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.RenderedMetrics;
import dev.dxexporter.metrics.SnapshotRegistry;
import dev.dxexporter.webconfig.TestPki;
import dev.dxexporter.webconfig.WebConfig;
import dev.dxexporter.webconfig.WebConfigLoader;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TLS, mTLS, basic auth and headers from a web-config.yml, through a real Jetty on 127.0.0.1:0,
 * with certificates from the real openssl and java.net.http.HttpClient as the client.
 */
class WebConfigServingTest {
  /**
   * exporter-toolkit's own $2y$ samples. alice/alice123:
   * web/testdata/web_config_users_noTLS.good.yml with the login in web/handler_test.go
   * (TestBasicAuthCache). carol's hash is from the same testdata file; its password carol123 is not
   * written in the toolkit, it was checked here with bcrypt (as were bob123 and dave123 for the
   * other samples).
   */
  static final String USERS =
      """
      basic_auth_users:
        alice: $2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby
        carol: $2y$10$qRTBuFoULoYNA7AQ/F3ck.trZBPyjV64.oA4ZsSBCIWvXuvQlQTuu
      """;

  @TempDir static Path pkiDir;
  static TestPki pki;
  private final SnapshotRegistry registry = new SnapshotRegistry(List.of(), MetricSnapshots::of);
  private HttpServer server;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.create(pkiDir);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private int serve(String yaml) throws Exception {
    Path file = Files.writeString(pki.dir.resolve("web.yml"), yaml);
    WebConfig web = new WebConfigLoader().load(file);
    server =
        new HttpServer(
            List.of(ListenAddress.parse("127.0.0.1:0")),
            ExporterRoutes.of(
                "/metrics",
                "1.2.3",
                new ExporterStatus() {
                  public RenderedMetrics rendered() {
                    return registry.rendered();
                  }

                  public List<CollectorState> collectors() {
                    return registry.states();
                  }

                  public boolean ready() {
                    return true;
                  }

                  public java.util.concurrent.CompletionStage<Optional<String>> reload() {
                    return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
                  }
                }),
            web);
    server.start();
    return server.ports().get(0);
  }

  private static HttpClient client(SSLContext context, String... protocols) {
    HttpClient.Builder b =
        HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5));
    if (protocols.length > 0) {
      SSLParameters p = new SSLParameters();
      p.setProtocols(protocols);
      b.sslParameters(p);
    }
    return b.build();
  }

  private static HttpResponse<String> send(
      HttpClient client, String method, String url, String... userAndPassword) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (userAndPassword.length == 2) {
      String token = userAndPassword[0] + ":" + userAndPassword[1];
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String tls(String cert, String key) {
    return "tls_server_config:\n  cert_file: " + cert + "\n  key_file: " + key + "\n";
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "server.crt, server.key",
    "server.crt, server-pkcs1.key",
    "server-ec.crt, server-ec.key"
  })
  void servesHttpsWithEachKeyFormatAndNotPlainHttp(String cert, String key) throws Exception {
    int port = serve(tls(cert, key));
    HttpClient client = client(pki.clientContext(false));

    HttpResponse<String> r = send(client, "GET", "https://127.0.0.1:" + port + "/-/healthy");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("Healthy\n");
    assertThat(r.sslSession()).isPresent();
    assertThat(r.version()).as("HTTP/2 is not served").isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThatThrownBy(() -> send(client, "GET", "http://127.0.0.1:" + port + "/-/healthy"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void untrustedClientsFailTheHandshake() throws Exception {
    int port = serve(tls("server.crt", "server.key"));

    assertThatThrownBy(
            () ->
                send(HttpClient.newHttpClient(), "GET", "https://127.0.0.1:" + port + "/-/healthy"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void minVersionTls13RefusesATls12OnlyClient() throws Exception {
    int port = serve(tls("server.crt", "server.key") + "  min_version: TLS13\n");
    String url = "https://127.0.0.1:" + port + "/-/healthy";

    assertThatThrownBy(() -> send(client(pki.clientContext(false), "TLSv1.2"), "GET", url))
        .isInstanceOf(IOException.class);
    HttpResponse<String> r = send(client(pki.clientContext(false), "TLSv1.3"), "GET", url);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
  }

  @Test
  void defaultsAcceptATls12Client() throws Exception {
    int port = serve(tls("server.crt", "server.key"));

    HttpResponse<String> r =
        send(
            client(pki.clientContext(false), "TLSv1.2"),
            "GET",
            "https://127.0.0.1:" + port + "/-/healthy");

    assertThat(r.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.2");
  }

  @Test
  void configuredCipherSuiteIsUsedForTls12() throws Exception {
    int port =
        serve(
            tls("server.crt", "server.key")
                + "  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]\n");

    HttpResponse<String> r =
        send(
            client(pki.clientContext(false), "TLSv1.2"),
            "GET",
            "https://127.0.0.1:" + port + "/-/healthy");

    assertThat(r.sslSession().orElseThrow().getCipherSuite())
        .isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
  }

  @Test
  void basicAuthGuardsEveryEndpoint() throws Exception {
    int port =
        serve(
            tls("server.crt", "server.key")
                + USERS
                + """
        http_server_config:
          headers:
            X-Frame-Options: deny
            X-Content-Type-Options: nosniff
            Strict-Transport-Security: max-age=31536000; includeSubDomains
        """);
    HttpClient client = client(pki.clientContext(false));
    String base = "https://127.0.0.1:" + port;

    for (String[] endpoint :
        new String[][] {
          {"GET", "/"},
          {"GET", "/metrics"},
          {"GET", "/-/healthy"},
          {"GET", "/-/ready"},
          {"HEAD", "/-/ready"},
          {"POST", "/-/reload"},
          {"GET", "/no-such-page"}
        }) {
      String what = endpoint[0] + " " + endpoint[1];
      String url = base + endpoint[1];
      for (String[] bad :
          new String[][] {
            {},
            {"alice", "alice1234"},
            {"alice", ""},
            {"mallory", "alice123"},
            {"carol", "alice123"}
          }) {
        HttpResponse<String> denied = send(client, endpoint[0], url, bad);
        assertThat(denied.statusCode()).as(what + " " + List.of(bad)).isEqualTo(401);
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValue("Basic");
        assertThat(denied.headers().firstValue("X-Frame-Options")).hasValue("deny");
      }
      int expected = endpoint[1].equals("/no-such-page") ? 404 : 200;
      for (String[] good : new String[][] {{"alice", "alice123"}, {"carol", "carol123"}}) {
        HttpResponse<String> ok = send(client, endpoint[0], url, good);
        assertThat(ok.statusCode()).as(what + " as " + good[0]).isEqualTo(expected);
        assertThat(ok.headers().firstValue("X-Frame-Options")).hasValue("deny");
        assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(ok.headers().firstValue("Strict-Transport-Security"))
            .hasValue("max-age=31536000; includeSubDomains");
      }
    }
  }

  @Test
  void basicAuthAndHeadersWorkWithoutTls() throws Exception {
    int port = serve(USERS + "http_server_config: {headers: {X-XSS-Protection: '1'}}\n");
    HttpClient client = HttpClient.newHttpClient();
    String url = "http://127.0.0.1:" + port + "/metrics";

    assertThat(send(client, "GET", url).statusCode()).isEqualTo(401);
    HttpResponse<String> ok = send(client, "GET", url, "alice", "alice123");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("X-XSS-Protection")).hasValue("1");
  }

  @Test
  void requireAndVerifyClientCertRefusesClientsWithoutOne() throws Exception {
    int port =
        serve(
            tls("server.crt", "server.key")
                + "  client_ca_file: ca.crt\n  client_auth_type: RequireAndVerifyClientCert\n");
    String url = "https://127.0.0.1:" + port + "/-/healthy";

    assertThatThrownBy(() -> send(client(pki.clientContext(false)), "GET", url))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> send(client(pki.clientContext(false), "TLSv1.2"), "GET", url))
        .isInstanceOf(IOException.class);
    assertThat(send(client(pki.clientContext(true)), "GET", url).statusCode()).isEqualTo(200);
  }

  @Test
  void verifyClientCertIfGivenAcceptsClientsWithoutOne() throws Exception {
    int port =
        serve(
            tls("server.crt", "server.key")
                + "  client_ca_file: ca.crt\n  client_auth_type: VerifyClientCertIfGiven\n");
    String url = "https://127.0.0.1:" + port + "/-/healthy";

    assertThat(send(client(pki.clientContext(false)), "GET", url).statusCode()).isEqualTo(200);
    assertThat(send(client(pki.clientContext(true)), "GET", url).statusCode()).isEqualTo(200);
  }

  @Test
  void reloadSwapsCertificatesAndClientAuthForNewConnections() throws Exception {
    int port = serve(tls("server.crt", "server.key"));
    String url = "https://127.0.0.1:" + port + "/-/healthy";
    WebConfigLoader loader = new WebConfigLoader();
    assertThat(peerKeyAlgorithm(url)).isEqualTo("RSA");

    Path ec = Files.writeString(pki.dir.resolve("ec.yml"), tls("server-ec.crt", "server-ec.key"));
    assertThat(server.apply(loader.load(ec))).as("restart needed").isFalse();
    assertThat(peerKeyAlgorithm(url)).isEqualTo("EC");

    Path mtls =
        Files.writeString(
            pki.dir.resolve("mtls.yml"),
            tls("server-ec.crt", "server-ec.key")
                + "  client_ca_file: ca.crt\n  client_auth_type: RequireAndVerifyClientCert\n");
    assertThat(server.apply(loader.load(mtls))).isFalse();
    assertThatThrownBy(() -> send(client(pki.clientContext(false)), "GET", url))
        .isInstanceOf(IOException.class);
    assertThat(send(client(pki.clientContext(true)), "GET", url).statusCode()).isEqualTo(200);

    Path back = Files.writeString(pki.dir.resolve("back.yml"), tls("server.crt", "server.key"));
    assertThat(server.apply(loader.load(back))).isFalse();
    assertThat(peerKeyAlgorithm(url)).isEqualTo("RSA");
  }

  @Test
  void turningTlsOffOrOnNeedsARestart() throws Exception {
    int port = serve(tls("server.crt", "server.key"));

    assertThat(server.apply(WebConfig.NONE)).isTrue();
    assertThat(
            send(
                    client(pki.clientContext(false)),
                    "GET",
                    "https://127.0.0.1:" + port + "/-/healthy")
                .statusCode())
        .as("still HTTPS")
        .isEqualTo(200);
  }

  private static String peerKeyAlgorithm(String url) throws Exception {
    HttpResponse<String> r = send(client(pki.clientContext(false)), "GET", url);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.sslSession().orElseThrow().getPeerCertificates()[0].getPublicKey().getAlgorithm();
  }

  /**
   * Skipped on Java 17-19, where the loader refuses curve_preferences (see WebConfigLoaderTest).
   */
  @Test
  void curvePreferencesLimitTheKeyExchangeGroupsOnJava20Plus() throws Exception {
    assumeTrue(
        WebConfigLoader.namedGroupsSupported(), "SSLParameters.setNamedGroups needs Java 20+");
    int port = serve(tls("server.crt", "server.key") + "  curve_preferences: [CurveP384]\n");
    String url = "https://127.0.0.1:" + port + "/-/healthy";

    assertThatThrownBy(() -> handshake(port, "secp256r1")).isInstanceOf(IOException.class);
    assertThat(handshake(port, "secp384r1")).isEqualTo("TLSv1.3");
    assertThat(send(client(pki.clientContext(false)), "GET", url).statusCode()).isEqualTo(200);
  }

  /**
   * A raw TLS 1.3 handshake offering only {@code group}; returns the protocol. (HttpClient on Java
   * 25 did not pass named groups set in its SSLParameters on, so it cannot test this.)
   */
  private static String handshake(int port, String group) throws Exception {
    try (javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket)
            pki.clientContext(false).getSocketFactory().createSocket("127.0.0.1", port)) {
      SSLParameters p = socket.getSSLParameters();
      p.setProtocols(new String[] {"TLSv1.3"});
      SSLParameters.class
          .getMethod("setNamedGroups", String[].class)
          .invoke(p, (Object) new String[] {group});
      socket.setSSLParameters(p);
      socket.setSoTimeout(5000);
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }
}
