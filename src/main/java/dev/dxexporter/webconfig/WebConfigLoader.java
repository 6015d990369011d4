package dev.dxexporter.webconfig;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import dev.dxexporter.config.yaml.ConfigException;
import dev.dxexporter.config.yaml.YamlErrors;
import dev.dxexporter.config.yaml.YamlFiles;
import dev.dxexporter.config.yaml.YamlMapping;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads exporter-toolkit's web-config.yml (TLS, basic auth, headers) strictly: unknown keys and
 * every invalid value are errors located as {@code file:line:column: key: message}, and the
 * certificate, key and client CA files are loaded, so a config that loads is one the server can
 * use.
 */
public final class WebConfigLoader {
  /** The headers the toolkit lets users set, with their allowed values (empty: any value). */
  static final Map<String, Set<String>> HEADERS =
      Map.of(
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

  /**
   * Whether this JVM can set TLS groups per connection (SSLParameters.setNamedGroups, Java 20+).
   */
  public static boolean namedGroupsSupported() {
    try {
      SSLParameters.class.getMethod("setNamedGroups", String[].class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  public WebConfig load(Path file) throws ConfigException {
    String text = YamlFiles.readUtf8(file);
    return parse(text, file.toString(), file.toAbsolutePath().getParent());
  }

  /** Parses web-config text; relative file paths resolve against {@code baseDir}. */
  WebConfig parse(String text, String fileName, Path baseDir) throws ConfigException {
    YamlErrors errors = new YamlErrors(fileName);
    Optional<Node> root = YamlFiles.compose(text, fileName);
    if (root.isEmpty()) {
      return WebConfig.NONE; // as with the toolkit, an empty file configures nothing
    }
    YamlMapping top = YamlMapping.of(root.get(), "", errors);
    Optional<WebConfig.Tls> tls =
        top.get("tls_server_config")
            .flatMap(
                n ->
                    new TlsSettingsReader(
                            YamlMapping.of(n, "tls_server_config", errors),
                            baseDir,
                            errors,
                            jvmCanSetNamedGroups)
                        .read());
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
    notSupported(
        top,
        "rate_limit",
        "not supported by dx-exporter (and unknown to promtool 2.42's" + " exporter-toolkit 0.8.2)",
        errors);
    top.rejectUnknownKeys();
    if (!errors.isEmpty()) {
      throw new ConfigException(errors.list());
    }
    return new WebConfig(tls, http2, headers, users);
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
        errors.at(
            m.keyNode(name).orElse(at),
            m.child(name),
            "HTTP header \""
                + name
                + "\" can not be configured (allowed: "
                + String.join(", ", new java.util.TreeSet<>(HEADERS.keySet()))
                + ")");
      } else if (value.isPresent() && !allowed.isEmpty() && !allowed.contains(value.get())) {
        errors.at(
            at,
            m.child(name),
            "invalid value \""
                + value.get()
                + "\"; expected one of: "
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
      return Optional.of(
          "not a bcrypt hash: expected $2a$, $2b$ or $2y$, a two-digit cost and 53"
              + " characters of salt and hash (make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n')");
    }
    try {
      int cost = BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.UTF_8)).cost;
      if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
        return Optional.of(
            "bcrypt cost " + cost + " is outside " + BCrypt.MIN_COST + ".." + BCrypt.MAX_COST);
      }
      return Optional.empty();
    } catch (IllegalBCryptFormatException | IllegalArgumentException e) {
      return Optional.of("not a bcrypt hash: " + e.getMessage());
    }
  }

  static void notSupported(YamlMapping m, String key, String why, YamlErrors errors) {
    if (m.keyNode(key).isPresent()) {
      m.get(key);
      errors.at(m.keyNode(key).get(), m.child(key), why);
    }
  }

  static Optional<String> nonEmpty(YamlMapping m, String key) {
    return m.string(key).filter(s -> !s.isEmpty());
  }
}
