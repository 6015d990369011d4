package dev.dxexporter.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in default used when no config file is given: the current directory is one project, and
 * each source watches there what it detects (the caches that exist, the manifests present, ...).
 */
public final class ZeroConfig {
  private ZeroConfig() {}

  public static DxConfig forDirectory(
      Path directory,
      Path home,
      Map<String, String> env,
      List<? extends ConfigSection<?, ?>> sections) {
    Detection detection = new Detection(directory, home, env);
    Map<ConfigSection<?, ?>, Object> settings = new LinkedHashMap<>();
    for (ConfigSection<?, ?> section : sections) {
      section.detect(detection).ifPresent(s -> settings.put(section, s));
    }
    Path root = detection.root();
    return new DxConfig(
        Optional.empty(), List.of(ProjectConfig.of(projectName(root), root, settings)));
  }

  /** The directory's name, made a valid project name; "project" for the file-system root. */
  static String projectName(Path root) {
    Path fileName = root.getFileName();
    String raw = fileName == null ? "project" : fileName.toString();
    String cleaned = raw.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._-]+", "");
    if (cleaned.isEmpty()) {
      return "project";
    }
    return cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
  }
}
