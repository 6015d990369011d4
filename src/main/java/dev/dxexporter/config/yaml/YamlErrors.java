package dev.dxexporter.config.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects config problems while a file is read, each placed at the node it is about. */
public final class YamlErrors {
  private final String file;
  private final List<ConfigError> errors = new ArrayList<>();

  public YamlErrors(String file) {
    this.file = file;
  }

  public void at(Node node, String key, String message) {
    at(node == null ? Optional.empty() : node.getStartMark(), key, message);
  }

  public void at(Optional<Mark> mark, String key, String message) {
    int line = mark.map(m -> m.getLine() + 1).orElse(0);
    int column = mark.map(m -> m.getColumn() + 1).orElse(0);
    errors.add(new ConfigError(file, line, column, key, message));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The file these errors are about, as named to the user. */
  public String file() {
    return file;
  }

  /** Adds a problem of the file as a whole (no line). */
  public void file(String message) {
    errors.add(new ConfigError(file, 0, 0, "", message));
  }

  public List<ConfigError> list() {
    return List.copyOf(errors);
  }
}
