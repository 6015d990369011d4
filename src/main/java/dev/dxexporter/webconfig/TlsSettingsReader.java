package dev.dxexporter.webconfig;

import dev.dxexporter.config.yaml.ConfigException;
import dev.dxexporter.config.yaml.YamlErrors;
import dev.dxexporter.config.yaml.YamlFiles;
import dev.dxexporter.config.yaml.YamlMapping;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code tls_server_config} as exporter-toolkit does: TLS is enabled when a certificate, key,
 * client CA or client_auth_type is set, then the certificate and a matching key are required; PEM
 * material is loaded from the files (relative to the web config's directory) or inline values.
 */
final class TlsSettingsReader {
  static final Map<String, String> TLS_VERSIONS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> VERSION_ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");
  static final Map<String, String> CURVES =
      Map.of(
          "CurveP256",
          "secp256r1",
          "CurveP384",
          "secp384r1",
          "CurveP521",
          "secp521r1",
          "X25519",
          "x25519");

  private final YamlMapping t;
  private final Path baseDir;
  private final YamlErrors errors;
  private final boolean jvmCanSetNamedGroups;

  TlsSettingsReader(YamlMapping t, Path baseDir, YamlErrors errors, boolean jvmCanSetNamedGroups) {
    this.t = t;
    this.baseDir = baseDir;
    this.errors = errors;
    this.jvmCanSetNamedGroups = jvmCanSetNamedGroups;
  }

  /** The TLS settings, or empty when TLS is not enabled or has errors (then reported). */
  Optional<WebConfig.Tls> read() {
    Optional<String> certFile = WebConfigLoader.nonEmpty(t, "cert_file");
    Optional<String> cert = WebConfigLoader.nonEmpty(t, "cert");
    Optional<String> keyFile = WebConfigLoader.nonEmpty(t, "key_file");
    Optional<String> key = WebConfigLoader.nonEmpty(t, "key");
    Optional<String> caFile = WebConfigLoader.nonEmpty(t, "client_ca_file");
    Optional<String> ca = WebConfigLoader.nonEmpty(t, "client_ca");
    Optional<String> authText = WebConfigLoader.nonEmpty(t, "client_auth_type");
    List<String> protocols = protocols();
    List<String> ciphers = cipherSuites();
    List<String> groups = curves();
    boolean preferServer = t.bool("prefer_server_cipher_suites").orElse(true);
    WebConfigLoader.notSupported(
        t,
        "client_allowed_sans",
        "not supported by dx-exporter (and" + " unknown to promtool 2.42's exporter-toolkit 0.8.2)",
        errors);
    t.rejectUnknownKeys();
    boolean enabled =
        certFile.isPresent()
            || cert.isPresent()
            || keyFile.isPresent()
            || key.isPresent()
            || caFile.isPresent()
            || ca.isPresent()
            || authText.isPresent();
    if (!enabled) {
      return Optional.empty(); // the toolkit serves plain HTTP then
    }
    WebConfig.ClientAuth auth = clientAuth(authText);
    boolean hasCa = caFile.isPresent() || ca.isPresent();
    if (auth == WebConfig.ClientAuth.NONE && hasCa) {
      errors.at(
          t.get(caFile.isPresent() ? "client_ca_file" : "client_ca").orElse(t.node()),
          t.child(caFile.isPresent() ? "client_ca_file" : "client_ca"),
          "a client CA is configured but client_auth_type is NoClientCert; set"
              + " RequireAndVerifyClientCert or VerifyClientCertIfGiven");
    }
    if (auth != null && auth != WebConfig.ClientAuth.NONE && !hasCa) {
      errors.at(
          t.get("client_auth_type").orElse(t.node()),
          t.child("client_auth_type"),
          "verifying client certificates needs client_ca_file (or client_ca)");
    }
    List<X509Certificate> chain = pem("cert", cert, certFile, PemFiles::certificates).orElse(null);
    PrivateKey privateKey = pem("key", key, keyFile, PemFiles::privateKey).orElse(null);
    List<X509Certificate> cas =
        hasCa ? pem("client_ca", ca, caFile, PemFiles::certificates).orElse(List.of()) : List.of();
    if (chain != null && privateKey != null && !PemFiles.matches(chain.get(0), privateKey)) {
      errors.at(
          t.get(keyFile.isPresent() ? "key_file" : "key").orElse(t.node()),
          t.child(keyFile.isPresent() ? "key_file" : "key"),
          "the private key does not match the certificate's public key");
    }
    if (chain == null || privateKey == null || auth == null || protocols == null) {
      return Optional.empty(); // errors were reported
    }
    return Optional.of(
        new WebConfig.Tls(chain, privateKey, cas, auth, protocols, ciphers, groups, preferServer));
  }

  /** Reads PEM from the inline key or the {@code _file} key; exactly one may be given. */
  private <T> Optional<T> pem(
      String inlineKey,
      Optional<String> inline,
      Optional<String> file,
      Function<String, T> reader) {
    String fileKey = inlineKey + "_file";
    if (inline.isPresent() && file.isPresent()) {
      errors.at(
          t.get(inlineKey).orElse(t.node()),
          t.child(inlineKey),
          "give either " + inlineKey + " or " + fileKey + ", not both");
      return Optional.empty();
    }
    if (inline.isEmpty() && file.isEmpty()) {
      errors.at(
          t.node(),
          t.path(),
          "TLS is enabled but neither " + inlineKey + " nor " + fileKey + " is set");
      return Optional.empty();
    }
    String where = file.isPresent() ? fileKey : inlineKey;
    Node at = t.get(where).orElse(t.node());
    String text;
    if (file.isPresent()) {
      try {
        Path path = baseDir.resolve(file.get()).normalize();
        text = YamlFiles.readUtf8(path);
      } catch (InvalidPathException e) {
        errors.at(at, t.child(where), "invalid path: " + e.getReason());
        return Optional.empty();
      } catch (ConfigException e) {
        errors.at(at, t.child(where), e.errors().get(0).toString());
        return Optional.empty();
      }
    } else {
      text = inline.get();
    }
    try {
      return Optional.of(reader.apply(text));
    } catch (IllegalArgumentException e) {
      errors.at(at, t.child(where), e.getMessage());
      return Optional.empty();
    }
  }

  private WebConfig.ClientAuth clientAuth(Optional<String> text) {
    String value = text.orElse("NoClientCert");
    switch (value) {
      case "NoClientCert":
        return WebConfig.ClientAuth.NONE;
      case "VerifyClientCertIfGiven":
        return WebConfig.ClientAuth.WANT;
      case "RequireAndVerifyClientCert":
        return WebConfig.ClientAuth.NEED;
      case "RequestClientCert", "RequireAnyClientCert", "RequireClientCert":
        errors.at(
            t.get("client_auth_type").orElse(t.node()),
            t.child("client_auth_type"),
            value
                + " is not supported: it accepts client certificates without verifying them;"
                + " use RequireAndVerifyClientCert or VerifyClientCertIfGiven");
        return null;
      default:
        errors.at(
            t.get("client_auth_type").orElse(t.node()),
            t.child("client_auth_type"),
            "invalid client_auth_type \""
                + value
                + "\" (known: NoClientCert, VerifyClientCertIfGiven,"
                + " RequireAndVerifyClientCert)");
        return null;
    }
  }

  /** JSSE protocol names from min_version (default TLS12) to max_version (default TLS13). */
  private List<String> protocols() {
    int min = version("min_version", "TLS12");
    int max = version("max_version", "TLS13");
    if (min < 0 || max < 0) {
      return null;
    }
    if (min > max) {
      errors.at(
          t.get("min_version").orElse(t.node()),
          t.child("min_version"),
          "min_version "
              + VERSION_ORDER.get(min)
              + " is above max_version "
              + VERSION_ORDER.get(max));
      return null;
    }
    return VERSION_ORDER.subList(min, max + 1).stream().map(TLS_VERSIONS::get).toList();
  }

  private int version(String key, String fallback) {
    String value = WebConfigLoader.nonEmpty(t, key).orElse(fallback);
    int index = VERSION_ORDER.indexOf(value);
    if (index < 0) {
      errors.at(
          t.get(key).orElse(t.node()),
          t.child(key),
          "unknown TLS version \"" + value + "\" (known: TLS10, TLS11, TLS12, TLS13)");
    }
    return index;
  }

  private List<String> cipherSuites() {
    Set<String> supported;
    try {
      supported = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no default SSLContext", e);
    }
    List<String> suites = new ArrayList<>();
    for (Node item : t.sequence("cipher_suites")) {
      t.scalar(item, t.child("cipher_suites"))
          .ifPresent(
              name -> {
                if (supported.contains(name)) {
                  suites.add(name);
                } else {
                  errors.at(
                      item,
                      t.child("cipher_suites"),
                      "unknown cipher suite \""
                          + name
                          + "\" (IANA names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)");
                }
              });
    }
    return suites;
  }

  private List<String> curves() {
    List<String> groups = new ArrayList<>();
    for (Node item : t.sequence("curve_preferences")) {
      t.scalar(item, t.child("curve_preferences"))
          .ifPresent(
              name -> {
                String group = CURVES.get(name);
                if (group == null) {
                  errors.at(
                      item,
                      t.child("curve_preferences"),
                      "unknown curve \""
                          + name
                          + "\" (known: CurveP256, CurveP384, CurveP521, X25519)");
                } else {
                  groups.add(group);
                }
              });
    }
    if (!groups.isEmpty() && !jvmCanSetNamedGroups) {
      errors.at(
          t.get("curve_preferences").orElse(t.node()),
          t.child("curve_preferences"),
          "not supported on Java "
              + Runtime.version().feature()
              + ": setting TLS groups per"
              + " server needs Java 20+; remove it (the JVM's defaults apply), or set"
              + " -Djdk.tls.namedGroups for the whole JVM");
    }
    return groups;
  }
}
