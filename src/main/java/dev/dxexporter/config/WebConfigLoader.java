package dev.dxexporter.config;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads exporter-toolkit's web-config.yml (TLS, basic auth, headers) strictly: unknown keys and every
 * invalid value are errors located as {@code file:line:column: key: message}, and the certificate,
 * key and client CA files are loaded, so a config that loads is one the server can use.
 */
public final class WebConfigLoader {
  static final Map<String, String> TLS_VERSIONS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> VERSION_ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");
  static final Map<String, String> CURVES = Map.of("CurveP256", "secp256r1", "CurveP384",
      "secp384r1", "CurveP521", "secp521r1", "X25519", "x25519");
  /** The headers the toolkit lets users set, with their allowed values (empty: any value). */
  static final Map<String, Set<String>> HEADERS = Map.of(
      "Strict-Transport-Security", Set.of(),
      "X-Content-Type-Options", Set.of("nosniff"),
      "X-Frame-Options", Set.of("deny", "sameorigin"),
      "X-XSS-Protection", Set.of(),
      "Content-Security-Policy", Set.of());

  private final boolean jvmCanSetNamedGroups;

  public WebConfigLoader() {
    this(namedGroupsSupported());
  }

  WebConfigLoader(boolean jvmCanSetNamedGroups) {
    this.jvmCanSetNamedGroups = jvmCanSetNamedGroups;
  }

  /** Whether this JVM can set TLS groups per connection (SSLParameters.setNamedGroups, Java 20+). */
  public static boolean namedGroupsSupported() {
    try {
      SSLParameters.class.getMethod("setNamedGroups", String[].class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  public WebConfig load(Path file) throws ConfigException {
    String text = ConfigLoader.readUtf8(file);
    return parse(text, file.toString(), file.toAbsolutePath().getParent());
  }

  /** Parses web-config text; relative file paths resolve against {@code baseDir}. */
  WebConfig parse(String text, String fileName, Path baseDir) throws ConfigException {
    YamlErrors errors = new YamlErrors(fileName);
    Optional<Node> root = ConfigLoader.compose(text, fileName);
    if (root.isEmpty()) {
      return WebConfig.NONE; // as with the toolkit, an empty file configures nothing
    }
    YamlMapping top = YamlMapping.of(root.get(), "", errors);
    Optional<WebConfig.Tls> tls = top.get("tls_server_config")
        .flatMap(n -> tls(YamlMapping.of(n, "tls_server_config", errors), baseDir, errors));
    boolean http2 = true;
    Map<String, String> headers = Map.of();
    Optional<Node> http = top.get("http_server_config");
    if (http.isPresent()) {
      YamlMapping h = YamlMapping.of(http.get(), "http_server_config", errors);
      http2 = h.bool("http2").orElse(true);
      headers = headers(h, errors);
      h.rejectUnknownKeys();
    }
    Map<String, String> users = users(top, errors);
    notSupported(top, "rate_limit", "not supported by dx-exporter (and unknown to promtool 2.42's"
        + " exporter-toolkit 0.8.2)", errors);
    top.rejectUnknownKeys();
    if (!errors.isEmpty()) {
      throw new ConfigException(errors.list());
    }
    return new WebConfig(tls, http2, headers, users);
  }

  private Optional<WebConfig.Tls> tls(YamlMapping t, Path baseDir, YamlErrors errors) {
    Optional<String> certFile = nonEmpty(t, "cert_file");
    Optional<String> cert = nonEmpty(t, "cert");
    Optional<String> keyFile = nonEmpty(t, "key_file");
    Optional<String> key = nonEmpty(t, "key");
    Optional<String> caFile = nonEmpty(t, "client_ca_file");
    Optional<String> ca = nonEmpty(t, "client_ca");
    Optional<String> authText = nonEmpty(t, "client_auth_type");
    List<String> protocols = protocols(t, errors);
    List<String> ciphers = cipherSuites(t, errors);
    List<String> groups = curves(t, errors);
    boolean preferServer = t.bool("prefer_server_cipher_suites").orElse(true);
    notSupported(t, "client_allowed_sans", "not supported by dx-exporter (and unknown to promtool"
        + " 2.42's exporter-toolkit 0.8.2)", errors);
    t.rejectUnknownKeys();
    boolean enabled = certFile.isPresent() || cert.isPresent() || keyFile.isPresent()
        || key.isPresent() || caFile.isPresent() || ca.isPresent() || authText.isPresent();
    if (!enabled) {
      return Optional.empty(); // the toolkit serves plain HTTP then
    }
    WebConfig.ClientAuth auth = clientAuth(t, authText, errors);
    boolean hasCa = caFile.isPresent() || ca.isPresent();
    if (auth == WebConfig.ClientAuth.NONE && hasCa) {
      errors.at(t.get(caFile.isPresent() ? "client_ca_file" : "client_ca").orElse(t.node()),
          t.child(caFile.isPresent() ? "client_ca_file" : "client_ca"),
          "a client CA is configured but client_auth_type is NoClientCert; set"
              + " RequireAndVerifyClientCert or VerifyClientCertIfGiven");
    }
    if (auth != null && auth != WebConfig.ClientAuth.NONE && !hasCa) {
      errors.at(t.get("client_auth_type").orElse(t.node()), t.child("client_auth_type"),
          "verifying client certificates needs client_ca_file (or client_ca)");
    }
    List<X509Certificate> chain = pem(t, "cert", cert, certFile, baseDir, errors,
        PemFiles::certificates).orElse(null);
    PrivateKey privateKey = pem(t, "key", key, keyFile, baseDir, errors, PemFiles::privateKey)
        .orElse(null);
    List<X509Certificate> cas = hasCa
        ? pem(t, "client_ca", ca, caFile, baseDir, errors, PemFiles::certificates).orElse(List.of())
        : List.of();
    if (chain != null && privateKey != null && !PemFiles.matches(chain.get(0), privateKey)) {
      errors.at(t.get(keyFile.isPresent() ? "key_file" : "key").orElse(t.node()),
          t.child(keyFile.isPresent() ? "key_file" : "key"),
          "the private key does not match the certificate's public key");
    }
    if (chain == null || privateKey == null || auth == null || protocols == null) {
      return Optional.empty(); // errors were reported
    }
    return Optional.of(new WebConfig.Tls(chain, privateKey, cas, auth, protocols, ciphers, groups,
        preferServer));
  }

  /** Reads PEM from the inline key or the {@code _file} key; exactly one may be given. */
  private <T> Optional<T> pem(YamlMapping t, String inlineKey, Optional<String> inline,
      Optional<String> file, Path baseDir, YamlErrors errors,
      java.util.function.Function<String, T> reader) {
    String fileKey = inlineKey + "_file";
    if (inline.isPresent() && file.isPresent()) {
      errors.at(t.get(inlineKey).orElse(t.node()), t.child(inlineKey),
          "give either " + inlineKey + " or " + fileKey + ", not both");
      return Optional.empty();
    }
    if (inline.isEmpty() && file.isEmpty()) {
      errors.at(t.node(), t.path(), "TLS is enabled but neither " + inlineKey + " nor " + fileKey
          + " is set");
      return Optional.empty();
    }
    String where = file.isPresent() ? fileKey : inlineKey;
    Node at = t.get(where).orElse(t.node());
    String text;
    if (file.isPresent()) {
      try {
        Path path = baseDir.resolve(file.get()).normalize();
        text = ConfigLoader.readUtf8(path);
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

  private static WebConfig.ClientAuth clientAuth(YamlMapping t, Optional<String> text,
      YamlErrors errors) {
    String value = text.orElse("NoClientCert");
    switch (value) {
      case "NoClientCert":
        return WebConfig.ClientAuth.NONE;
      case "VerifyClientCertIfGiven":
        return WebConfig.ClientAuth.WANT;
      case "RequireAndVerifyClientCert":
        return WebConfig.ClientAuth.NEED;
      case "RequestClientCert", "RequireAnyClientCert", "RequireClientCert":
        errors.at(t.get("client_auth_type").orElse(t.node()), t.child("client_auth_type"),
            value + " is not supported: it accepts client certificates without verifying them;"
                + " use RequireAndVerifyClientCert or VerifyClientCertIfGiven");
        return null;
      default:
        errors.at(t.get("client_auth_type").orElse(t.node()), t.child("client_auth_type"),
            "invalid client_auth_type \"" + value + "\" (known: NoClientCert, VerifyClientCertIfGiven,"
                + " RequireAndVerifyClientCert)");
        return null;
    }
  }

  /** JSSE protocol names from min_version (default TLS12) to max_version (default TLS13). */
  private static List<String> protocols(YamlMapping t, YamlErrors errors) {
    int min = version(t, "min_version", "TLS12", errors);
    int max = version(t, "max_version", "TLS13", errors);
    if (min < 0 || max < 0) {
      return null;
    }
    if (min > max) {
      errors.at(t.get("min_version").orElse(t.node()), t.child("min_version"),
          "min_version " + VERSION_ORDER.get(min) + " is above max_version " + VERSION_ORDER.get(max));
      return null;
    }
    return VERSION_ORDER.subList(min, max + 1).stream().map(TLS_VERSIONS::get).toList();
  }

  private static int version(YamlMapping t, String key, String fallback, YamlErrors errors) {
    String value = nonEmpty(t, key).orElse(fallback);
    int index = VERSION_ORDER.indexOf(value);
    if (index < 0) {
      errors.at(t.get(key).orElse(t.node()), t.child(key),
          "unknown TLS version \"" + value + "\" (known: TLS10, TLS11, TLS12, TLS13)");
    }
    return index;
  }

  private static List<String> cipherSuites(YamlMapping t, YamlErrors errors) {
    Set<String> supported;
    try {
      supported = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no default SSLContext", e);
    }
    List<String> suites = new ArrayList<>();
    for (Node item : t.sequence("cipher_suites")) {
      t.scalar(item, t.child("cipher_suites")).ifPresent(name -> {
        if (supported.contains(name)) {
          suites.add(name);
        } else {
          errors.at(item, t.child("cipher_suites"), "unknown cipher suite \"" + name
              + "\" (IANA names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)");
        }
      });
    }
    return suites;
  }

  private List<String> curves(YamlMapping t, YamlErrors errors) {
    List<String> groups = new ArrayList<>();
    for (Node item : t.sequence("curve_preferences")) {
      t.scalar(item, t.child("curve_preferences")).ifPresent(name -> {
        String group = CURVES.get(name);
        if (group == null) {
          errors.at(item, t.child("curve_preferences"),
              "unknown curve \"" + name + "\" (known: CurveP256, CurveP384, CurveP521, X25519)");
        } else {
          groups.add(group);
        }
      });
    }
    if (!groups.isEmpty() && !jvmCanSetNamedGroups) {
      errors.at(t.get("curve_preferences").orElse(t.node()), t.child("curve_preferences"),
          "not supported on Java " + Runtime.version().feature() + ": setting TLS groups per"
              + " server needs Java 20+; remove it (the JVM's defaults apply), or set"
              + " -Djdk.tls.namedGroups for the whole JVM");
    }
    return groups;
  }

  private static Map<String, String> headers(YamlMapping h, YamlErrors errors) {
    Map<String, String> headers = new LinkedHashMap<>();
    Optional<Node> node = h.get("headers");
    if (node.isEmpty()) {
      return headers;
    }
    YamlMapping m = YamlMapping.of(node.get(), h.child("headers"), errors);
    for (String name : m.keys()) {
      Node at = m.get(name).orElse(m.keyNode(name).orElse(m.node()));
      Set<String> allowed = HEADERS.get(name);
      Optional<String> value = m.string(name);
      if (allowed == null) {
        errors.at(m.keyNode(name).orElse(at), m.child(name), "HTTP header \"" + name
            + "\" can not be configured (allowed: " + String.join(", ", new java.util.TreeSet<>(
                HEADERS.keySet())) + ")");
      } else if (value.isPresent() && !allowed.isEmpty() && !allowed.contains(value.get())) {
        errors.at(at, m.child(name), "invalid value \"" + value.get() + "\"; expected one of: "
            + String.join(", ", new java.util.TreeSet<>(allowed)));
      } else if (value.isPresent()) {
        headers.put(name, value.get());
      }
    }
    return headers;
  }

  private static Map<String, String> users(YamlMapping top, YamlErrors errors) {
    Map<String, String> users = new LinkedHashMap<>();
    Optional<Node> node = top.get("basic_auth_users");
    if (node.isEmpty()) {
      return users;
    }
    YamlMapping m = YamlMapping.of(node.get(), "basic_auth_users", errors);
    for (String user : m.keys()) {
      Optional<String> hash = m.string(user);
      Node at = m.get(user).orElse(m.keyNode(user).orElse(m.node()));
      if (hash.isEmpty()) {
        errors.at(at, m.child(user), "missing bcrypt hash");
        continue;
      }
      Optional<String> problem = bcryptProblem(hash.get());
      if (problem.isPresent()) {
        errors.at(at, m.child(user), problem.get());
      } else {
        users.put(user, hash.get());
      }
    }
    return users;
  }

  /** Why {@code hash} is not a usable bcrypt hash ($2a$, $2b$, $2y$, cost 4..31), if it is not. */
  static Optional<String> bcryptProblem(String hash) {
    if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
      return Optional.of("not a bcrypt hash: expected $2a$, $2b$ or $2y$, a two-digit cost and 53"
          + " characters of salt and hash (make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n')");
    }
    try {
      int cost = BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.UTF_8)).cost;
      if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
        return Optional.of("bcrypt cost " + cost + " is outside " + BCrypt.MIN_COST + ".."
            + BCrypt.MAX_COST);
      }
      return Optional.empty();
    } catch (IllegalBCryptFormatException | IllegalArgumentException e) {
      return Optional.of("not a bcrypt hash: " + e.getMessage());
    }
  }

  private static void notSupported(YamlMapping m, String key, String why, YamlErrors errors) {
    if (m.keyNode(key).isPresent()) {
      m.get(key);
      errors.at(m.keyNode(key).get(), m.child(key), why);
    }
  }

  private static Optional<String> nonEmpty(YamlMapping m, String key) {
    return m.string(key).filter(s -> !s.isEmpty());
  }
}
