package dev.dxexporter.config;

import dev.dxexporter.config.yaml.Durations;
import dev.dxexporter.config.yaml.YamlErrors;
import dev.dxexporter.config.yaml.YamlMapping;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * What a {@link ConfigSection} reads with: the file's error list, the places relative paths resolve
 * against, and the value types every section shares (names, paths, schedules, secrets), each
 * validated with its line and column.
 */
public final class SectionReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private final YamlErrors errors;
  private final Path home;
  private final Map<String, String> env;
  private final Path configDirectory;
  private final String projectName;
  private final Path projectPath;
  private final String projectKeyPath;
  // Things one file may name only once across its projects (a user cache): who claimed each first.
  private final Map<String, String> claims;

  SectionReader(
      YamlErrors errors,
      Path home,
      Map<String, String> env,
      Path configDirectory,
      String projectName,
      Path projectPath,
      String projectKeyPath) {
    this(
        errors,
        home,
        env,
        configDirectory,
        projectName,
        projectPath,
        projectKeyPath,
        new java.util.HashMap<>());
  }

  private SectionReader(
      YamlErrors errors,
      Path home,
      Map<String, String> env,
      Path configDirectory,
      String projectName,
      Path projectPath,
      String projectKeyPath,
      Map<String, String> claims) {
    this.claims = claims;
    this.errors = errors;
    this.home = home;
    this.env = env;
    this.configDirectory = configDirectory;
    this.projectName = projectName;
    this.projectPath = projectPath;
    this.projectKeyPath = projectKeyPath;
  }

  /** A reader for the sections of one project. */
  SectionReader forProject(String name, Path path, String keyPath) {
    return new SectionReader(errors, home, env, configDirectory, name, path, keyPath, claims);
  }

  /**
   * Claims {@code what} for the key path {@code by} across the whole file; empty when it was free,
   * else the key path that claimed it first.
   */
  public Optional<String> claim(String what, String by) {
    return Optional.ofNullable(claims.putIfAbsent(what, by));
  }

  public YamlErrors errors() {
    return errors;
  }

  /** The project being read; null while reading {@code global}. */
  public String projectName() {
    return projectName;
  }

  /** The project's root (absolute); null while reading {@code global} or when it was invalid. */
  public Path projectPath() {
    return projectPath;
  }

  /** The key path of a section of the project being read, e.g. {@code projects[2].caches}. */
  public String sectionPath(String key) {
    return projectKeyPath == null ? "global." + key : projectKeyPath + "." + key;
  }

  /** {@code node} as a strict mapping at {@code path} (problems reported, never thrown). */
  public YamlMapping mapping(Node node, String path) {
    return YamlMapping.of(node, path, errors);
  }

  /**
   * A name (letters, digits, '.', '_', '-'; at most 63): the value of a label; null when invalid.
   */
  public String name(YamlMapping m, String key) {
    String name = m.requiredString(key);
    if (name != null && !NAME.matcher(name).matches()) {
      errors.at(
          m.get(key).orElse(m.node()),
          m.child(key),
          "\"" + name + "\" is not a valid name (letters, digits, '.', '_', '-'; at most 63)");
      return null;
    }
    return name;
  }

  /**
   * A required path: {@code ~} and {@code ~/...} from the home directory, relative ones against
   * {@code base}; absolute and normalised. Null when missing or invalid (reported).
   */
  public Path path(YamlMapping m, String key, Path base) {
    String text = m.requiredString(key);
    return text == null ? null : resolve(m, key, text, base);
  }

  /** A path relative to the config file's directory. */
  public Path pathFromConfig(YamlMapping m, String key) {
    return path(m, key, configDirectory);
  }

  private Path resolve(YamlMapping m, String key, String text, Path base) {
    try {
      Path p;
      if (text.equals("~")) {
        p = home;
      } else if (text.startsWith("~/")) {
        p = home.resolve(text.substring(2));
      } else {
        p = base.resolve(text);
      }
      return p.toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      errors.at(m.get(key).orElse(m.node()), m.child(key), "invalid path: " + e.getReason());
      return null;
    }
  }

  /** {@code schedule}: an interval of at least 1s, or a Quartz cron expression; empty if absent. */
  public Optional<Schedule> schedule(YamlMapping m) {
    Optional<String> text = m.string("schedule");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Node at = m.get("schedule").orElse(m.node());
    String value = text.get().trim();
    if (value.contains(" ")) {
      try {
        new CronExpression(value);
        return Optional.of(new Schedule.Cron(value));
      } catch (java.text.ParseException e) {
        errors.at(
            at,
            m.child("schedule"),
            "invalid Quartz cron expression \""
                + value
                + "\": "
                + e.getMessage()
                + " (six or seven fields, seconds first, e.g. \"0 */5 * * * ?\")");
        return Optional.empty();
      }
    }
    try {
      Duration period = Durations.parse(value);
      if (period.compareTo(Duration.ofSeconds(1)) < 0) {
        errors.at(at, m.child("schedule"), "interval must be at least 1s");
        return Optional.empty();
      }
      if (period.compareTo(YamlMapping.MAX_DURATION) > 0) {
        errors.at(at, m.child("schedule"), "interval must be at most 10y");
        return Optional.empty();
      }
      return Optional.of(new Schedule.Every(period));
    } catch (IllegalArgumentException e) {
      errors.at(
          at,
          m.child("schedule"),
          e.getMessage() + ", or a Quartz cron expression like \"0 */5 * * * ?\"");
      return Optional.empty();
    }
  }

  /**
   * A secret reference {@code {env: NAME}} or {@code {file: path}}; empty when absent or invalid.
   */
  public Optional<Secret> secret(YamlMapping parent, String key) {
    Optional<Node> node = parent.get(key);
    return node.isEmpty() ? Optional.empty() : secret(node.get(), parent.child(key));
  }

  /**
   * A list of secret references, e.g. {@code [{env: A}, {file: b}]}; empty when absent; an invalid
   * item is reported at its index and left out.
   */
  public List<Secret> secrets(YamlMapping parent, String key) {
    List<Secret> out = new ArrayList<>();
    List<Node> items = parent.sequence(key);
    for (int i = 0; i < items.size(); i++) {
      secret(items.get(i), parent.child(key) + "[" + i + "]").ifPresent(out::add);
    }
    return out;
  }

  private Optional<Secret> secret(Node node, String path) {
    YamlMapping s = YamlMapping.of(node, path, errors);
    Optional<String> var = s.string("env");
    Optional<String> file = s.string("file");
    s.rejectUnknownKeys();
    if (var.isPresent() == file.isPresent()) {
      errors.at(
          node,
          path,
          "give exactly one of 'env: VARIABLE' or 'file: path' (secrets are never written inline)");
      return Optional.empty();
    }
    return var.isPresent()
        ? Optional.of(new Secret.FromEnv(var.get(), env))
        : Optional.of(new Secret.FromFile(configDirectory.resolve(file.get()).normalize()));
  }
}
