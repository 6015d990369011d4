package dev.dxexporter.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a zero-config detection looks at: the project directory (absolute, normalised), the home
 * directory ({@code ~}) and the environment (for {@code CARGO_HOME}, {@code GOMODCACHE}, ...).
 */
public record Detection(Path root, Path home, Map<String, String> env) {
  public Detection {
    root = root.toAbsolutePath().normalize();
    env = Map.copyOf(env);
  }
}
