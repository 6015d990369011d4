package dev.dxexporter.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One monitored project: its name (the {@code project} label), its root directory, and the settings
 * of each source that is on for it, keyed by the source's class (a source appears once in the list
 * of sources; keying by class keeps two loads with separately built lists comparable). The settings
 * are records, so two loads of the same file give equal projects.
 */
public record ProjectConfig(String name, Path path, Map<Class<?>, Object> sections) {
  public ProjectConfig {
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /** A project with the settings of each section that is on for it. */
  public static ProjectConfig of(
      String name, Path path, Map<ConfigSection<?, ?>, Object> settings) {
    Map<Class<?>, Object> byClass = new LinkedHashMap<>();
    settings.forEach((section, value) -> byClass.put(section.getClass(), value));
    return new ProjectConfig(name, path, byClass);
  }

  /** The settings of {@code section} for this project; empty when that source is off here. */
  @SuppressWarnings("unchecked") // the loader stores each section's own S under that section
  public <S> Optional<S> settings(ConfigSection<?, S> section) {
    return Optional.ofNullable((S) sections.get(section.getClass()));
  }
}
