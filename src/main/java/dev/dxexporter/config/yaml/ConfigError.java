package dev.dxexporter.config.yaml;

/**
 * One problem in a config file, located as {@code file:line:column} (1-based) with the key path.
 */
public record ConfigError(String file, int line, int column, String key, String message) {
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    return key.isEmpty() ? where + ": " + message : where + ": " + key + ": " + message;
  }
}
