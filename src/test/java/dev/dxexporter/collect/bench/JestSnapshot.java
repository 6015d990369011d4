package dev.dxexporter.collect.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tolerant reader of Jest snapshot files ({@code exports[`name`] = `value`;}) whose values are
 * pretty-format object literals: {@code "key": value,} one per line, every item followed by a
 * comma, strings printed raw between double quotes (no escaping: a string may hold quotes and
 * newlines; it ends at a quote followed by a comma and a line break).
 */
final class JestSnapshot {
  private static final Pattern EXPORT =
      Pattern.compile("exports\\[`(.*?)`\\] = `\\n(.*?)\\n`;", Pattern.DOTALL);

  private final String text;
  private int pos;

  private JestSnapshot(String text) {
    this.text = text;
  }

  /** Snapshot name to its parsed value (maps, lists, strings, doubles, null). */
  static Map<String, Object> parse(String file) {
    Map<String, Object> out = new LinkedHashMap<>();
    Matcher m = EXPORT.matcher(file);
    while (m.find()) {
      JestSnapshot reader = new JestSnapshot(m.group(2).replace("\\`", "`"));
      out.put(m.group(1), reader.value());
    }
    return out;
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(pos);
    if (c == '{') {
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      while (true) {
        skipSpace();
        if (text.charAt(pos) == '}') {
          pos++;
          return map;
        }
        String key = key();
        map.put(key, value());
        comma();
      }
    }
    if (c == '[') {
      pos++;
      List<Object> list = new ArrayList<>();
      while (true) {
        skipSpace();
        if (text.charAt(pos) == ']') {
          pos++;
          return list;
        }
        list.add(value());
        comma();
      }
    }
    if (c == '"') {
      int end = text.indexOf("\",\n", pos + 1);
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }
    int end = pos;
    while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '\n') {
      end++;
    }
    String literal = text.substring(pos, end).strip();
    pos = end;
    return literal.equals("null") ? null : Double.valueOf(literal);
  }

  private String key() {
    int close = text.indexOf("\": ", pos + 1);
    String key = text.substring(pos + 1, close);
    pos = close + 3;
    return key;
  }

  private void comma() {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == ',') {
      pos++;
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
