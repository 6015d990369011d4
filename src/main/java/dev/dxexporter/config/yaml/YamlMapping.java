package dev.dxexporter.config.yaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Strict, located access to one YAML mapping: every key must be one the reader asks for (unknown
 * keys are errors, as with Go's UnmarshalStrict in Prometheus' own configs), duplicates are errors,
 * and every error names the key path and the node's line and column.
 */
public final class YamlMapping {
  /** Longer would overflow time arithmetic (Quartz's milliseconds, now minus stale_after). */
  public static final Duration MAX_DURATION = Duration.ofDays(3650);

  private final Node node;
  private final String path;
  private final YamlErrors errors;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> asked = new java.util.HashSet<>();

  private YamlMapping(Node node, String path, YamlErrors errors) {
    this.node = node;
    this.path = path;
    this.errors = errors;
  }

  /** Wraps {@code node}; when it is not a mapping, reports it and returns an empty reader. */
  public static YamlMapping of(Node node, String path, YamlErrors errors) {
    YamlMapping mapping = new YamlMapping(node, path, errors);
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          errors.at(tuple.getKeyNode(), path, "keys must be plain strings");
          continue;
        }
        if (mapping.entries.putIfAbsent(key.getValue(), tuple) != null) {
          errors.at(key, mapping.child(key.getValue()), "duplicate key");
        }
      }
    } else if (!isNull(node)) {
      errors.at(node, path, "expected a mapping");
    }
    return mapping;
  }

  public String path() {
    return path;
  }

  public Node node() {
    return node;
  }

  public String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public Optional<Node> get(String key) {
    asked.add(key);
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return Optional.empty();
    }
    return Optional.of(tuple.getValueNode());
  }

  /** Every key present, for mappings with free-form keys (all count as known). */
  public List<String> keys() {
    asked.addAll(entries.keySet());
    return List.copyOf(entries.keySet());
  }

  /** The key node of {@code key}, to place an error on the key itself. */
  public Optional<Node> keyNode(String key) {
    return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
  }

  public Optional<String> string(String key) {
    return get(key).flatMap(value -> scalar(value, child(key)));
  }

  public String requiredString(String key) {
    Optional<String> value = string(key);
    if (value.isEmpty() && !entries.containsKey(key)) {
      errors.at(node, child(key), "required key is missing");
    } else if (value.isPresent() && value.get().isBlank()) {
      errors.at(entries.get(key).getValueNode(), child(key), "must not be empty");
      return null;
    }
    return value.orElse(null);
  }

  public Optional<Duration> duration(String key) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Duration d = Durations.parse(text.get());
      if (d.isZero()) {
        errors.at(entries.get(key).getValueNode(), child(key), "must be greater than zero");
        return Optional.empty();
      }
      if (d.compareTo(MAX_DURATION) > 0) {
        errors.at(entries.get(key).getValueNode(), child(key), "must be at most 10y");
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (IllegalArgumentException e) {
      errors.at(entries.get(key).getValueNode(), child(key), e.getMessage());
      return Optional.empty();
    }
  }

  /** A byte size ({@link Sizes}), at least 1. */
  public Optional<Long> bytes(String key) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      long n = Sizes.parse(text.get());
      if (n < 1) {
        errors.at(entries.get(key).getValueNode(), child(key), "must be at least 1 byte");
        return Optional.empty();
      }
      return Optional.of(n);
    } catch (IllegalArgumentException e) {
      errors.at(entries.get(key).getValueNode(), child(key), e.getMessage());
      return Optional.empty();
    }
  }

  public Optional<Boolean> bool(String key) {
    return string(key)
        .flatMap(
            text ->
                switch (text) {
                  case "true" -> Optional.of(true);
                  case "false" -> Optional.of(false);
                  default -> {
                    errors.at(
                        entries.get(key).getValueNode(), child(key), "expected true or false");
                    yield Optional.empty();
                  }
                });
  }

  /** The items of a sequence value, or an empty list (with an error when it is not a sequence). */
  public List<Node> sequence(String key) {
    Optional<Node> value = get(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get() instanceof SequenceNode seq) {
      return new ArrayList<>(seq.getValue());
    }
    errors.at(value.get(), child(key), "expected a list");
    return List.of();
  }

  public Optional<String> scalar(Node value, String keyPath) {
    if (value instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    errors.at(value, keyPath, "expected a single value, not a list or mapping");
    return Optional.empty();
  }

  /** Reports every key that no one asked for. Call after reading all known keys. */
  public void rejectUnknownKeys() {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!asked.contains(entry.getKey())) {
        errors.at(
            entry.getValue().getKeyNode(),
            child(entry.getKey()),
            "unknown key (known keys here: "
                + String.join(", ", new java.util.TreeSet<>(asked))
                + ")");
      }
    }
  }

  public static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
  }
}
