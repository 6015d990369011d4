package dev.dxexporter.webconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.config.yaml.ConfigError;
import dev.dxexporter.config.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The web-config.yml schema and rules of exporter-toolkit, on files with real openssl material. */
class WebConfigLoaderTest {
  /** exporter-toolkit web/testdata/web_config_users_noTLS.good.yml: alice / alice123. */
  static final String ALICE_HASH = "$2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby";

  @TempDir static Path pkiDir;
  static TestPki pki;
  private final WebConfigLoader loader = new WebConfigLoader(false); // as on Java 17

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.create(pkiDir);
  }

  private WebConfig load(String yaml) throws Exception {
    Path file = Files.writeString(pki.dir.resolve("web.yml"), yaml);
    return loader.load(file);
  }

  private List<String> errors(String yaml) {
    try {
      load(yaml);
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::toString).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected errors for:\n" + yaml);
  }

  @Test
  void validFullFile() throws Exception {
    WebConfig c =
        load(
            """
        tls_server_config:
          cert_file: server.crt
          key_file: server-pkcs1.key
          client_ca_file: ca.crt
          client_auth_type: RequireAndVerifyClientCert
          min_version: TLS12
          max_version: TLS13
          cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]
          prefer_server_cipher_suites: false
        http_server_config:
          http2: false
          headers:
            Strict-Transport-Security: max-age=31536000; includeSubDomains
            X-Frame-Options: deny
            X-Content-Type-Options: nosniff
            X-XSS-Protection: "1"
            Content-Security-Policy: default-src 'self'
        basic_auth_users:
          alice: %s
          bob: $2a$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi
          carol: $2b$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi
        """
                .formatted(ALICE_HASH));

    WebConfig.Tls tls = c.tls().orElseThrow();
    assertThat(tls.chain()).hasSize(1);
    assertThat(tls.key().getAlgorithm()).isEqualTo("RSA");
    assertThat(tls.clientCas()).hasSize(1);
    assertThat(tls.clientAuth()).isEqualTo(WebConfig.ClientAuth.NEED);
    assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(tls.cipherSuites())
        .containsExactly(
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assertThat(tls.preferServerCipherSuites()).isFalse();
    assertThat(c.http2()).isFalse();
    assertThat(c.headers())
        .containsKeys("Strict-Transport-Security", "X-XSS-Protection")
        .containsEntry("X-Frame-Options", "deny")
        .hasSize(5);
    assertThat(c.users()).containsOnlyKeys("alice", "bob", "carol");
  }

  @Test
  void defaults() throws Exception {
    WebConfig c = load("tls_server_config: {cert_file: server.crt, key_file: server.key}\n");

    assertThat(c.tls().orElseThrow().protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(c.tls().get().clientAuth()).isEqualTo(WebConfig.ClientAuth.NONE);
    assertThat(c.tls().get().preferServerCipherSuites()).isTrue();
    assertThat(c.http2()).isTrue();
    assertThat(c.users()).isEmpty();
    assertThat(load("")).isEqualTo(WebConfig.NONE);
    assertThat(load("basic_auth_users:\n  alice: " + ALICE_HASH + "\n").tls()).isEmpty();
  }

  @Test
  void inlinePemAndEcSec1Key() throws Exception {
    String cert = pki.read("server-ec.crt").indent(4);
    String key = pki.read("server-ec.key").indent(4);
    WebConfig c = load("tls_server_config:\n  cert: |\n" + cert + "  key: |\n" + key);

    assertThat(c.tls().orElseThrow().key().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void relativePathsResolveAgainstTheConfigFilesDirectory() throws Exception {
    Path sub = Files.createDirectories(pki.dir.resolve("etc/dx"));
    Path file =
        Files.writeString(
            sub.resolve("web.yml"),
            "tls_server_config: {cert_file: ../../server.crt, key_file: ../../server.key}\n");

    assertThat(loader.load(file).tls()).isPresent();
    Files.writeString(file, "tls_server_config: {cert_file: server.crt, key_file: server.key}\n");
    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("web.yml:1:32: tls_server_config.cert_file: ")
        .hasMessageContaining("etc/dx/server.crt");
  }

  @Test
  void unknownKeysAreLocated() {
    assertThat(
            errors(
                """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          certfile: x
        basic_auth_user: {}
        """))
        .containsExactly(
            pki.dir.resolve("web.yml")
                + ":4:3: tls_server_config.certfile: unknown key (known keys"
                + " here: cert, cert_file, cipher_suites, client_auth_type, client_ca,"
                + " client_ca_file, curve_preferences, key, key_file, max_version,"
                + " min_version, prefer_server_cipher_suites)",
            pki.dir.resolve("web.yml")
                + ":5:1: basic_auth_user: unknown key (known keys here:"
                + " basic_auth_users, http_server_config, tls_server_config)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      min_version: TLS14                   | 4:16: tls_server_config.min_version: unknown TLS version "TLS14"
      max_version: tls13                   | 4:16: tls_server_config.max_version: unknown TLS version "tls13"
      min_version: TLS13, max_version: TLS12 | 4:16: tls_server_config.min_version: min_version TLS13 is above max_version TLS12
      client_auth_type: Sometimes          | 4:21: tls_server_config.client_auth_type: invalid client_auth_type "Sometimes"
      client_auth_type: RequestClientCert  | 4:21: tls_server_config.client_auth_type: RequestClientCert is not supported
      client_auth_type: RequireAnyClientCert | 4:21: tls_server_config.client_auth_type: RequireAnyClientCert is not supported
      client_auth_type: RequireClientCert  | 4:21: tls_server_config.client_auth_type: RequireClientCert is not supported
      client_auth_type: VerifyClientCertIfGiven | 4:21: tls_server_config.client_auth_type: verifying client certificates needs client_ca_file
      client_ca_file: ca.crt               | 4:19: tls_server_config.client_ca_file: a client CA is configured but client_auth_type is NoClientCert
      client_ca_file: ca.crt, client_auth_type: NoClientCert | 4:19: tls_server_config.client_ca_file: a client CA is configured but client_auth_type is NoClientCert
      cipher_suites: [TLS_FAKE_WITH_NOTHING] | 4:19: tls_server_config.cipher_suites: unknown cipher suite "TLS_FAKE_WITH_NOTHING"
      curve_preferences: [CurveP999]       | 4:23: tls_server_config.curve_preferences: unknown curve "CurveP999"
      curve_preferences: [X25519]          | 4:22: tls_server_config.curve_preferences: not supported on Java
      prefer_server_cipher_suites: yes     | 4:32: tls_server_config.prefer_server_cipher_suites: expected true or false
      client_allowed_sans: [a]             | 4:3: tls_server_config.client_allowed_sans: not supported by dx-exporter
      """)
  void tlsValueRules(String setting, String expected) {
    String yaml =
        "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  "
            + setting.replace(", ", "\n  ")
            + "\n";

    assertThat(errors(yaml)).anySatisfy(e -> assertThat(e).contains("web.yml:" + expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RequireAndVerifyClientCert", "VerifyClientCertIfGiven"})
  void verifyingClientAuthTypes(String type) throws Exception {
    WebConfig c =
        load(
            "tls_server_config: {cert_file: server.crt, key_file: server.key,"
                + " client_ca_file: ca.crt, client_auth_type: "
                + type
                + "}\n");

    assertThat(c.tls().orElseThrow().clientAuth())
        .isEqualTo(
            type.startsWith("Require") ? WebConfig.ClientAuth.NEED : WebConfig.ClientAuth.WANT);
  }

  @Test
  void curvesMapToJsseGroupsWhereTheJvmCanSetThem() throws Exception {
    Path file =
        Files.writeString(
            pki.dir.resolve("curves.yml"),
            """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          curve_preferences: [X25519, CurveP256, CurveP384, CurveP521]
        """);

    assertThat(new WebConfigLoader(true).load(file).tls().orElseThrow().namedGroups())
        .containsExactly("x25519", "secp256r1", "secp384r1", "secp521r1");
  }

  @Test
  void tlsEnabledRules() {
    assertThat(errors("tls_server_config: {cert_file: server.crt}\n"))
        .singleElement()
        .asString()
        .endsWith(
            "web.yml:1:20: tls_server_config: TLS is enabled but neither key nor key_file is set");
    assertThat(errors("tls_server_config: {client_auth_type: NoClientCert}\n")).hasSize(2);
    assertThat(errors("tls_server_config: {cert_file: server.crt, key_file: server-ec.key}\n"))
        .singleElement()
        .asString()
        .contains("key_file: the private key does not match");
    assertThat(
            errors("tls_server_config: {cert_file: server.crt, cert: x, key_file: server.key}\n"))
        .singleElement()
        .asString()
        .contains("give either cert or cert_file, not both");
    assertThat(errors("tls_server_config: {cert_file: server.crt, key_file: server.crt}\n"))
        .singleElement()
        .asString()
        .contains("key_file: no PEM private key");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      X-Frame-Options: DENY            | 3:22: http_server_config.headers.X-Frame-Options: invalid value "DENY"; expected one of: deny, sameorigin
      X-Frame-Options: allow           | 3:22: http_server_config.headers.X-Frame-Options: invalid value "allow"
      X-Content-Type-Options: sniff    | 3:29: http_server_config.headers.X-Content-Type-Options: invalid value "sniff"; expected one of: nosniff
      Server: dx                       | 3:5: http_server_config.headers.Server: HTTP header "Server" can not be configured
      x-frame-options: deny            | 3:5: http_server_config.headers.x-frame-options: HTTP header "x-frame-options" can not be configured
      """)
  void headerRules(String header, String expected) {
    assertThat(errors("http_server_config:\n  headers:\n    " + header + "\n"))
        .singleElement()
        .asString()
        .contains("web.yml:" + expected);
  }

  @Test
  void http2AcceptsOnlyBooleans() throws Exception {
    assertThat(load("http_server_config: {http2: true}\n").http2()).isTrue();
    assertThat(errors("http_server_config: {http2: maybe}\n"))
        .singleElement()
        .asString()
        .contains("http_server_config.http2: expected true or false");
  }

  @Test
  void everyHashMustParse() {
    assertThat(
            errors(
                """
        basic_auth_users:
          alice: %s
          bob: secret
          carol: $2y$03$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi
          dave: $2x$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi
          erin:
        """
                    .formatted(ALICE_HASH)))
        .hasSize(4)
        .anySatisfy(
            e -> assertThat(e).contains("web.yml:3:8: basic_auth_users.bob: not a bcrypt hash"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "web.yml:4:10: basic_auth_users.carol: bcrypt cost 3 is outside 4..31"))
        .anySatisfy(e -> assertThat(e).contains("basic_auth_users.dave: not a bcrypt hash"))
        .anySatisfy(
            e -> assertThat(e).contains("web.yml:6:3: basic_auth_users.erin: missing bcrypt hash"));
  }

  @Test
  void rateLimitIsRefusedClearly() {
    assertThat(errors("rate_limit: {interval: 1s, burst: 5}\n"))
        .singleElement()
        .asString()
        .contains("web.yml:1:1: rate_limit: not supported by dx-exporter");
  }

  @Test
  void syntaxErrorsAreLocated() {
    assertThat(errors("basic_auth_users: [\n"))
        .singleElement()
        .asString()
        .contains("web.yml:2:1: YAML syntax");
  }
}
