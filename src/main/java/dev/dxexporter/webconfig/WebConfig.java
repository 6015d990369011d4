package dev.dxexporter.webconfig;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exporter-toolkit web configuration ({@code --web.config.file}): TLS, basic auth users and
 * extra response headers, validated and with its certificates and key already loaded.
 *
 * @param tls present when TLS is enabled; empty means plain HTTP
 * @param http2 the {@code http_server_config.http2} setting (accepted; HTTP/2 is not served)
 * @param headers response headers set on every response, in file order
 * @param users user name to bcrypt hash; empty means no basic auth
 */
public record WebConfig(
    Optional<Tls> tls, boolean http2, Map<String, String> headers, Map<String, String> users) {

  /** For the start-up log line: "TLS enabled, basic auth on (2 users)"; never a secret. */
  public String describe() {
    return "TLS "
        + (tls.isPresent() ? "enabled" : "disabled")
        + ", basic auth "
        + (users.isEmpty() ? "off" : "on (" + users.size() + " users)");
  }

  /** No web config file: plain HTTP, no auth, no extra headers. */
  public static final WebConfig NONE = new WebConfig(Optional.empty(), true, Map.of(), Map.of());

  public WebConfig {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    users = Map.copyOf(users);
  }

  /** Client certificate policy; the toolkit's non-verifying modes are refused by the loader. */
  public enum ClientAuth {
    /** NoClientCert. */
    NONE,
    /** VerifyClientCertIfGiven: a certificate is optional, but verified when sent. */
    WANT,
    /** RequireAndVerifyClientCert. */
    NEED
  }

  /**
   * TLS settings in JSSE terms.
   *
   * @param chain the server certificate first, then any intermediates from the same PEM
   * @param protocols JSSE protocol names from min_version to max_version, e.g. TLSv1.2, TLSv1.3
   * @param cipherSuites IANA names for TLS 1.2 and below; empty means the JVM's defaults
   * @param namedGroups JSSE group names (secp256r1, x25519...); empty means the JVM's defaults
   */
  public record Tls(
      List<X509Certificate> chain,
      PrivateKey key,
      List<X509Certificate> clientCas,
      ClientAuth clientAuth,
      List<String> protocols,
      List<String> cipherSuites,
      List<String> namedGroups,
      boolean preferServerCipherSuites) {
    public Tls {
      chain = List.copyOf(chain);
      clientCas = List.copyOf(clientCas);
      protocols = List.copyOf(protocols);
      cipherSuites = List.copyOf(cipherSuites);
      namedGroups = List.copyOf(namedGroups);
    }
  }
}
