package dev.dxexporter.config.yaml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bound on how deeply a YAML text nests, checked on the text before it is parsed: SnakeYAML's
 * scanner and composer recurse once per level, so a few KB of {@code [[[[…} or of ever deeper
 * indentation overflow the stack. Counts flow brackets outside quotes and comments, and block
 * levels (a deeper indentation, or a {@code - } sequence entry) outside block scalars; an
 * overestimate at worst, never an underestimate of what the parser would recurse into.
 */
final class YamlDepth {
  /** Far above any dx-exporter config (about 6 levels) and far below a stack overflow. */
  static final int MAX = 64;

  private YamlDepth() {}

  /** The line and column (1-based) where {@code text} first nests deeper than {@link #MAX}. */
  record TooDeep(int line, int column) {}

  static TooDeep check(String text) {
    Deque<Integer> indents = new ArrayDeque<>();
    int flow = 0;
    int blockScalarIndent = -1; // lines more indented than this belong to a | or > scalar
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      boolean blank = indent == line.length() || line.charAt(indent) == '#';
      if (blockScalarIndent >= 0) {
        if (blank || indent > blockScalarIndent) {
          continue;
        }
        blockScalarIndent = -1;
      }
      if (blank) {
        continue;
      }
      int col = indent;
      if (flow == 0) {
        while (!indents.isEmpty() && indents.peek() >= indent) {
          indents.pop();
        }
        indents.push(indent);
        // "- - - x": each dash opens a sequence one level deeper on the same line.
        while (col + 1 < line.length() && line.charAt(col) == '-' && line.charAt(col + 1) == ' ') {
          indents.push(col + 1);
          col += 2;
          while (col < line.length() && line.charAt(col) == ' ') {
            col++;
          }
        }
        if (indents.size() > MAX) {
          return new TooDeep(n + 1, indent + 1);
        }
      }
      char quote = 0;
      for (int i = col; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) {
          break;
        } else if (c == '[' || c == '{') {
          flow++;
          if (flow + indents.size() > MAX) {
            return new TooDeep(n + 1, i + 1);
          }
        } else if ((c == ']' || c == '}') && flow > 0) {
          flow--;
        }
      }
      String rest = line.strip();
      if (flow == 0 && rest.matches(".*(:|-|^)\\s*[|>][-+0-9]*(\\s+#.*)?")) {
        blockScalarIndent = indent;
      }
    }
    return null;
  }
}
