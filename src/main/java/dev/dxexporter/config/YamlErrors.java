package dev.dxexporter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects config problems while a file is read, each placed at the node it is about. */
final class YamlErrors {
  private final String file;
  private final List<ConfigError> errors = new ArrayList<>();

  YamlErrors(String file) {
    this.file = file;
  }

  void at(Node node, String key, String message) {
    at(node == null ? Optional.empty() : node.getStartMark(), key, message);
  }

  void at(Optional<Mark> mark, String key, String message) {
    int line = mark.map(m -> m.getLine() + 1).orElse(0);
    int column = mark.map(m -> m.getColumn() + 1).orElse(0);
    errors.add(new ConfigError(file, line, column, key, message));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  List<ConfigError> list() {
    return List.copyOf(errors);
  }
}
