package dev.dxexporter.config;

import dev.dxexporter.config.yaml.ConfigException;
import dev.dxexporter.config.yaml.YamlErrors;
import dev.dxexporter.config.yaml.YamlFiles;
import dev.dxexporter.config.yaml.YamlMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads and validates dx.yml (SnakeYAML Engine, YAML 1.2): {@code global} and {@code projects},
 * each project's {@code name} and {@code path}, and, for every source, its defaults and its project
 * section, read by the source's own {@link ConfigSection}. Collects every problem with its {@code
 * file:line:column} and key before failing, so one {@code config check} run shows them all.
 */
public final class ConfigLoader {
  private final List<? extends ConfigSection<?, ?>> sections;
  private final Path home;
  private final Map<String, String> env;

  /**
   * @param sections the sources' sections, in the order their collectors are planned
   * @param home what {@code ~/} in a path stands for
   * @param env the environment secrets {@code {env: X}} are read from
   */
  public ConfigLoader(
      List<? extends ConfigSection<?, ?>> sections, Path home, Map<String, String> env) {
    this.sections = List.copyOf(sections);
    this.home = home;
    this.env = Map.copyOf(env);
  }

  public DxConfig load(Path file) throws ConfigException {
    String text = YamlFiles.readUtf8(file);
    Path base = file.toAbsolutePath().getParent();
    DxConfig config = parse(text, file.toString(), base);
    return new DxConfig(Optional.of(file.toAbsolutePath()), config.projects(), config.warnings());
  }

  /** Parses config text; relative paths resolve against {@code baseDir}. */
  public DxConfig parse(String text, String fileName, Path baseDir) throws ConfigException {
    YamlErrors errors = new YamlErrors(fileName);
    Optional<Node> root = YamlFiles.compose(text, fileName);
    if (root.isEmpty()) {
      throw YamlFiles.failure(
          fileName, "the file is empty; expected a mapping with a 'projects' list");
    }
    SectionReader reader = new SectionReader(errors, home, env, baseDir, null, null, null);
    YamlMapping top = YamlMapping.of(root.get(), "", errors);
    Map<ConfigSection<?, ?>, Object> defaults = readGlobal(top, reader);
    YamlErrors warnings = new YamlErrors(fileName);
    List<ProjectConfig> projects = readProjects(top, defaults, baseDir, reader, warnings);
    top.rejectUnknownKeys();
    if (top.get("projects").isEmpty() && errors.isEmpty()) {
      errors.at(root.get(), "projects", "required key is missing (list the projects to monitor)");
    } else if (errors.isEmpty() && top.sequence("projects").isEmpty()) {
      // An empty list would start a daemon that monitors nothing and says it is fine.
      errors.at(
          top.get("projects").orElse(root.get()),
          "projects",
          "the list is empty; list at least one project to monitor");
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors.list());
    }
    return new DxConfig(Optional.empty(), projects, warnings.list());
  }

  /**
   * A project whose directory does not exist is valid (it may be checked out later, or mounted
   * after start-up), but almost always a typo: said where the path is written.
   */
  private static void warnIfMissing(Path path, YamlMapping project, YamlErrors warnings) {
    if (path == null || Files.isDirectory(path)) {
      return;
    }
    warnings.at(
        project.get("path").orElse(project.node()),
        project.child("path"),
        path
            + (Files.exists(path) ? " is not a directory" : " does not exist")
            + "; nothing is collected there until it does");
  }

  private Map<ConfigSection<?, ?>, Object> readGlobal(YamlMapping top, SectionReader reader) {
    Optional<YamlMapping> global = top.get("global").map(n -> reader.mapping(n, "global"));
    Map<ConfigSection<?, ?>, Object> defaults = new LinkedHashMap<>();
    for (ConfigSection<?, ?> section : sections) {
      Optional<YamlMapping> own =
          global.flatMap(
              g ->
                  g.get(section.globalKey())
                      .map(n -> reader.mapping(n, g.child(section.globalKey()))));
      defaults.put(section, section.readDefaults(own, reader));
      own.ifPresent(YamlMapping::rejectUnknownKeys);
    }
    global.ifPresent(YamlMapping::rejectUnknownKeys);
    return defaults;
  }

  private List<ProjectConfig> readProjects(
      YamlMapping top,
      Map<ConfigSection<?, ?>, Object> defaults,
      Path baseDir,
      SectionReader reader,
      YamlErrors warnings) {
    List<ProjectConfig> projects = new java.util.ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Node> items = top.sequence("projects");
    for (int i = 0; i < items.size(); i++) {
      YamlMapping p = reader.mapping(items.get(i), "projects[" + i + "]");
      String name = reader.name(p, "name");
      if (name != null && !names.add(name)) {
        reader
            .errors()
            .at(
                p.get("name").orElse(p.node()),
                p.child("name"),
                "duplicate project name \"" + name + "\"");
      }
      Path path = reader.path(p, "path", baseDir);
      warnIfMissing(path, p, warnings);
      SectionReader projectReader = reader.forProject(name, path, p.path());
      Map<ConfigSection<?, ?>, Object> settings = new LinkedHashMap<>();
      for (ConfigSection<?, ?> section : sections) {
        read(section, p, defaults.get(section), projectReader)
            .ifPresent(s -> settings.put(section, s));
      }
      p.rejectUnknownKeys();
      if (name != null && path != null) {
        projects.add(ProjectConfig.of(name, path, settings));
      }
    }
    return projects;
  }

  @SuppressWarnings("unchecked") // defaults were produced by this very section's readDefaults
  private static <D, S> Optional<S> read(
      ConfigSection<D, S> section, YamlMapping project, Object defaults, SectionReader reader) {
    return section.readProject(project.get(section.projectKey()), (D) defaults, reader);
  }
}
