package dev.dxexporter.collect.deps.go;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A go.mod file, as the Go reference (https://go.dev/ref/mod#go-mod-file) defines it: the {@code
 * module} path and the {@code require} directives, single-line or in a {@code ( ... )} block, each
 * marked indirect when its line comment is {@code // indirect} (or starts with {@code indirect;}).
 * Other directives (go, toolchain, replace, exclude, retract, tool, godebug) are checked for
 * balanced blocks only.
 */
record GoModule(Path file, String modulePath, List<Requirement> requirements) {
  GoModule {
    requirements = List.copyOf(requirements);
  }

  /** One required module version; {@code line} is 1-based. */
  record Requirement(String path, String version, boolean indirect, int line) {}

  private static final List<String> VERBS =
      List.of(
          "module",
          "go",
          "toolchain",
          "godebug",
          "require",
          "exclude",
          "replace",
          "retract",
          "tool",
          "ignore");

  /**
   * go.mod is a few KiB even in the largest monorepos; it is read whole and every requirement kept
   * (about 10 bytes of heap per byte at worst), so the cap keeps a hostile one within the shipped
   * heap: 32 MiB did not read in {@code -Xmx128m}, 8 MiB does ({@code bench/parse-heap.sh}).
   */
  static final long MAX_BYTES = 8L << 20;

  static GoModule read(Path file, BoundedFiles files) throws InputException {
    try {
      if (java.nio.file.Files.size(file) > MAX_BYTES) {
        throw new InputException(file, "larger than " + MAX_BYTES + " bytes: not a go.mod");
      }
    } catch (java.io.IOException e) {
      // readText names the problem (missing, unreadable)
    }
    String text = files.readText(file);
    String[] lines = text.split("\r?\n", -1);
    String module = null;
    List<Requirement> requirements = new ArrayList<>();
    String block = null;
    int blockStart = 0;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String raw = lines[i];
      int comment = commentStart(raw);
      String code = (comment >= 0 ? raw.substring(0, comment) : raw).trim();
      String remark = comment >= 0 ? raw.substring(comment + 2).trim() : "";
      if (code.isEmpty()) {
        continue;
      }
      if (block != null) {
        if (code.equals(")")) {
          block = null;
          continue;
        }
        if (block.equals("require")) {
          requirements.add(requirement(file, lineNo, code, remark));
        }
        continue;
      }
      List<String> tokens = tokens(code);
      String verb = tokens.get(0);
      if (!VERBS.contains(verb)) {
        throw new InputException(file, lineNo, 1, "unknown directive: " + verb);
      }
      if (tokens.size() == 2 && tokens.get(1).equals("(")) {
        block = verb;
        blockStart = lineNo;
        continue;
      }
      if (verb.equals("module")) {
        if (tokens.size() != 2) {
          throw new InputException(file, lineNo, 1, "usage: module module/path");
        }
        module = unquote(tokens.get(1));
      } else if (verb.equals("require")) {
        requirements.add(
            requirement(file, lineNo, code.substring("require".length()).trim(), remark));
      }
    }
    if (block != null) {
      throw new InputException(file, blockStart, 1, block + " block opened here is not closed");
    }
    if (module == null) {
      throw new InputException(file, "no module directive");
    }
    return new GoModule(file, module, requirements);
  }

  private static Requirement requirement(Path file, int line, String code, String remark)
      throws InputException {
    List<String> tokens = tokens(code);
    if (tokens.size() != 2) {
      throw new InputException(file, line, 1, "usage: require module/path v1.2.3");
    }
    String version = unquote(tokens.get(1));
    if (!version.startsWith("v")) {
      throw new InputException(
          file, line, 1, "invalid version `" + version + "` of " + tokens.get(0));
    }
    // golang.org/x/mod/modfile isIndirect: the comment's words are exactly "indirect", or the first
    // word is "indirect;" (followed by a reason).
    List<String> words = tokens(remark);
    boolean indirect =
        (words.size() == 1 && words.get(0).equals("indirect"))
            || (words.size() > 1 && words.get(0).equals("indirect;"));
    return new Requirement(unquote(tokens.get(0)), version, indirect, line);
  }

  /** Where a {@code //} comment starts outside quotes, or -1. */
  private static int commentStart(String line) {
    boolean quoted = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quoted = false;
        }
      } else if (c == '"' || c == '`') {
        quoted = true;
        quote = c;
      } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        return i;
      }
    }
    return -1;
  }

  private static List<String> tokens(String code) {
    List<String> tokens = new ArrayList<>();
    if (code.isBlank()) {
      return tokens;
    }
    for (String t : code.split("[ \\t]+")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  private static String unquote(String token) {
    if (token.length() >= 2
        && ((token.startsWith("\"") && token.endsWith("\""))
            || (token.startsWith("`") && token.endsWith("`")))) {
      return token.substring(1, token.length() - 1);
    }
    return token;
  }
}
