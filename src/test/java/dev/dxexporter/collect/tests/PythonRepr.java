package dev.dxexporter.collect.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code UnitTestCase(...)} entries of publish-unit-test-result-action's {@code .results}
 * files (Python repr, one {@code field=value,} per line) into maps of the fields a test compares.
 */
final class PythonRepr {
  static List<Map<String, String>> unitTestCases(String repr) {
    List<Map<String, String>> cases = new ArrayList<>();
    Map<String, String> current = null;
    String field = null;
    for (String line : repr.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.endsWith(",")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      if (current != null
          && field != null
          && (trimmed.startsWith("'") || trimmed.startsWith("\""))) {
        current.merge(field, literal(trimmed), String::concat); // pprint's implicit concatenation
      } else if (trimmed.startsWith("publish.unittestresults.UnitTestCase(")) {
        current = new HashMap<>();
        cases.add(current);
      } else if (current != null && trimmed.startsWith(")")) {
        current = null;
      } else if (current != null) {
        int eq = trimmed.indexOf('=');
        field = trimmed.substring(0, eq);
        current.put(field, literal(trimmed.substring(eq + 1)));
      }
    }
    return cases;
  }

  /** A Python literal: None (null), a quoted string with its escapes, or the text as it is. */
  static String literal(String value) {
    if (value.equals("None")) {
      return null;
    }
    if (value.length() < 2 || (value.charAt(0) != '\'' && value.charAt(0) != '"')) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = value.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'x' -> {
          out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(value.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  private PythonRepr() {}
}
