package dev.dxexporter.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * YAML 1.2 loading (SnakeYAML Engine) into plain maps and lists, with typed accessors for tests.
 */
public final class Yaml {
  private Yaml() {}

  public static Object load(String text) {
    return new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  /** All documents of a multi-document stream (helm template output), skipping empty ones. */
  public static List<Map<String, Object>> loadAll(String text) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
      if (doc != null) {
        documents.add(map(doc));
      }
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object node) {
    return node == null ? Map.of() : (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object node) {
    return node == null ? List.of() : (List<Object>) node;
  }

  /** The node at a dotted path of map keys, or null. */
  public static Object at(Object node, String dottedPath) {
    Object current = node;
    for (String key : dottedPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }
}
