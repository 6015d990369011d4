package dev.dxexporter.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads and validates the YAML config (SnakeYAML Engine, YAML 1.2). Collects every problem with its
 * {@code file:line:column} and key before failing, so one {@code config check} run shows them all.
 */
public final class ConfigLoader {
  static final int MAX_BYTES = 1024 * 1024;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private final Path home;

  /** {@code home} is what {@code ~/} in a path stands for. */
  public ConfigLoader(Path home) {
    this.home = home;
  }

  public DxConfig load(Path file) throws ConfigException {
    String text = readUtf8(file);
    Path base = file.toAbsolutePath().getParent();
    DxConfig config = parse(text, file.toString(), base);
    return new DxConfig(Optional.of(file.toAbsolutePath()), config.projects());
  }

  /** The file's text: at most {@link #MAX_BYTES}, valid UTF-8; else a located error. */
  static String readUtf8(Path file) throws ConfigException {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw failure(name, "file is larger than " + MAX_BYTES + " bytes");
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw failure(name, "file is not valid UTF-8");
    } catch (IOException e) {
      throw failure(name, "cannot read: " + e);
    }
  }

  /** The root node of {@code text} (empty for an empty document); a syntax error, located. */
  static Optional<Node> compose(String text, String fileName) throws ConfigException {
    try {
      LoadSettings settings =
          LoadSettings.builder().setLabel(fileName).setMaxAliasesForCollections(20).build();
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      YamlErrors errors = new YamlErrors(fileName);
      errors.at(e.getProblemMark(), "", "YAML syntax: " + e.getProblem());
      throw new ConfigException(errors.list());
    } catch (YamlEngineException e) {
      throw failure(fileName, "YAML syntax: " + e.getMessage());
    }
  }

  /** Parses config text; relative paths resolve against {@code baseDir}. */
  DxConfig parse(String text, String fileName, Path baseDir) throws ConfigException {
    YamlErrors errors = new YamlErrors(fileName);
    Optional<Node> root = compose(text, fileName);
    if (root.isEmpty()) {
      throw failure(fileName, "the file is empty; expected a mapping with a 'projects' list");
    }
    YamlMapping top = YamlMapping.of(root.get(), "", errors);
    Defaults defaults = readGlobal(top, errors);
    List<ProjectConfig> projects = readProjects(top, defaults, baseDir, errors);
    top.rejectUnknownKeys();
    if (top.get("projects").isEmpty() && errors.isEmpty()) {
      errors.at(root.get(), "projects", "required key is missing (list the projects to monitor)");
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors.list());
    }
    return new DxConfig(Optional.empty(), projects);
  }

  /** Defaults for caches and dependency collectors, overridable per entry. */
  record Defaults(
      Schedule cacheSchedule, Duration staleAfter, Duration cacheTimeout, Schedule depsSchedule) {
    static final Defaults BUILT_IN =
        new Defaults(
            new Schedule.Every(Duration.ofMinutes(5)),
            Duration.ofDays(7),
            Duration.ofMinutes(10),
            new Schedule.Every(Duration.ofMinutes(5)));
  }

  private Defaults readGlobal(YamlMapping top, YamlErrors errors) {
    Defaults d = Defaults.BUILT_IN;
    Optional<Node> global = top.get("global");
    if (global.isEmpty()) {
      return d;
    }
    YamlMapping g = YamlMapping.of(global.get(), "global", errors);
    Schedule cacheSchedule = d.cacheSchedule();
    Duration staleAfter = d.staleAfter();
    Duration timeout = d.cacheTimeout();
    Schedule depsSchedule = d.depsSchedule();
    Optional<Node> cache = g.get("cache");
    if (cache.isPresent()) {
      YamlMapping c = YamlMapping.of(cache.get(), "global.cache", errors);
      cacheSchedule = schedule(c, errors).orElse(cacheSchedule);
      staleAfter = c.duration("stale_after").orElse(staleAfter);
      timeout = c.duration("timeout").orElse(timeout);
      c.rejectUnknownKeys();
    }
    Optional<Node> deps = g.get("dependencies");
    if (deps.isPresent()) {
      YamlMapping c = YamlMapping.of(deps.get(), "global.dependencies", errors);
      depsSchedule = schedule(c, errors).orElse(depsSchedule);
      c.rejectUnknownKeys();
    }
    g.rejectUnknownKeys();
    return new Defaults(cacheSchedule, staleAfter, timeout, depsSchedule);
  }

  private List<ProjectConfig> readProjects(
      YamlMapping top, Defaults defaults, Path baseDir, YamlErrors errors) {
    List<ProjectConfig> projects = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Node> items = top.sequence("projects");
    for (int i = 0; i < items.size(); i++) {
      YamlMapping p = YamlMapping.of(items.get(i), "projects[" + i + "]", errors);
      String name = name(p, errors);
      if (name != null && !names.add(name)) {
        errors.at(p.node(), p.child("name"), "duplicate project name \"" + name + "\"");
      }
      Path path = path(p, "path", baseDir, errors);
      List<CacheConfig> caches = readCaches(p, defaults, path, errors);
      Optional<DependencyConfig> deps = readDependencies(p, defaults, errors);
      p.rejectUnknownKeys();
      if (name != null && path != null) {
        projects.add(new ProjectConfig(name, path, caches, deps));
      }
    }
    return projects;
  }

  private List<CacheConfig> readCaches(
      YamlMapping project, Defaults defaults, Path projectPath, YamlErrors errors) {
    List<CacheConfig> caches = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Node> items = project.sequence("caches");
    for (int i = 0; i < items.size(); i++) {
      YamlMapping c = YamlMapping.of(items.get(i), project.child("caches") + "[" + i + "]", errors);
      String name = name(c, errors);
      if (name != null && !names.add(name)) {
        errors.at(c.node(), c.child("name"), "duplicate cache name \"" + name + "\"");
      }
      Path path = projectPath == null ? null : path(c, "path", projectPath, errors);
      Schedule schedule = schedule(c, errors).orElse(defaults.cacheSchedule());
      Duration staleAfter = c.duration("stale_after").orElse(defaults.staleAfter());
      Duration timeout = c.duration("timeout").orElse(defaults.cacheTimeout());
      c.rejectUnknownKeys();
      if (name != null && path != null) {
        caches.add(new CacheConfig(name, path, schedule, staleAfter, timeout));
      }
    }
    return caches;
  }

  private Optional<DependencyConfig> readDependencies(
      YamlMapping project, Defaults defaults, YamlErrors errors) {
    Optional<Node> node = project.get("dependencies");
    if (node.isEmpty()) {
      return Optional.of(new DependencyConfig(defaults.depsSchedule(), Set.of()));
    }
    YamlMapping d = YamlMapping.of(node.get(), project.child("dependencies"), errors);
    boolean enabled = d.bool("enabled").orElse(true);
    Schedule schedule = schedule(d, errors).orElse(defaults.depsSchedule());
    Set<String> ecosystems = new LinkedHashSet<>();
    for (Node item : d.sequence("ecosystems")) {
      d.scalar(item, d.child("ecosystems"))
          .ifPresent(
              eco -> {
                if (!DependencyConfig.KNOWN_ECOSYSTEMS.contains(eco)) {
                  errors.at(
                      item,
                      d.child("ecosystems"),
                      "unknown ecosystem \"" + eco + "\" (known: cargo, go, maven, npm)");
                } else if (!ecosystems.add(eco)) {
                  errors.at(item, d.child("ecosystems"), "\"" + eco + "\" is listed twice");
                }
              });
    }
    d.rejectUnknownKeys();
    return enabled ? Optional.of(new DependencyConfig(schedule, ecosystems)) : Optional.empty();
  }

  private String name(YamlMapping m, YamlErrors errors) {
    String name = m.requiredString("name");
    if (name != null && !NAME.matcher(name).matches()) {
      errors.at(
          m.get("name").orElse(m.node()),
          m.child("name"),
          "\"" + name + "\" is not a valid name (letters, digits, '.', '_', '-'; at most 63)");
      return null;
    }
    return name;
  }

  private Path path(YamlMapping m, String key, Path base, YamlErrors errors) {
    String text = m.requiredString(key);
    if (text == null) {
      return null;
    }
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

  private Optional<Schedule> schedule(YamlMapping m, YamlErrors errors) {
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

  static ConfigException failure(String file, String message) {
    return new ConfigException(List.of(new ConfigError(file, 0, 0, "", message)));
  }

  /** Reads a secret reference: {@code {env: NAME}} or {@code {file: path}}. */
  static Optional<Secret> secret(
      YamlMapping parent, String key, Path base, Map<String, String> env, YamlErrors errors) {
    Optional<Node> node = parent.get(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping s = YamlMapping.of(node.get(), parent.child(key), errors);
    Optional<String> var = s.string("env");
    Optional<String> file = s.string("file");
    s.rejectUnknownKeys();
    if (var.isPresent() == file.isPresent()) {
      errors.at(
          node.get(),
          parent.child(key),
          "give exactly one of 'env: VARIABLE' or 'file: path' (secrets are never written inline)");
      return Optional.empty();
    }
    return var.isPresent()
        ? Optional.of(new Secret.FromEnv(var.get(), env))
        : Optional.of(new Secret.FromFile(base.resolve(file.get()).normalize()));
  }
}
