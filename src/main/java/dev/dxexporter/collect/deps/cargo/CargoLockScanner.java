package dev.dxexporter.collect.deps.cargo;

import dev.dxexporter.collect.deps.cargo.CargoLockfile.LockedPackage;
import dev.dxexporter.collect.input.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Cargo.lock line by line, holding only the packages it finds: tomlj needs about 35 bytes
 * of heap per byte of input (a 4 MiB lockfile did not fit in 128 MiB), cargo writes lockfiles of
 * 20,000 packages. Understands what cargo's serializer writes (table headers, {@code key = value}
 * with strings, integers, booleans and arrays of strings over several lines, comments); anything
 * else is {@link Unsupported}, and the caller falls back to the full TOML parser for files small
 * enough for it.
 */
final class CargoLockScanner {
  /** A line this scanner does not read; the full parser decides. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    Unsupported(int line, String what) {
      super("line " + line + ": " + what, null, false, false);
      this.line = line;
    }
  }

  private enum Section {
    TOP,
    PACKAGE,
    OTHER
  }

  private final Path file;
  private final List<LockedPackage> packages = new ArrayList<>();
  private Section section = Section.TOP;
  private boolean metadata;
  private Long version;
  private String name;
  private String pkgVersion;
  private String source;
  private int packageLine;

  private CargoLockScanner(Path file) {
    this.file = file;
  }

  static CargoLockfile scan(Path file, InputStream in) throws InputException, Unsupported {
    CargoLockScanner s = new CargoLockScanner(file);
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
      boolean inArray = false;
      for (String raw = r.readLine(); raw != null; raw = r.readLine()) {
        n++;
        String line = raw.strip();
        if (inArray) {
          inArray = !closesArray(line, n);
        } else if (!line.isEmpty() && !line.startsWith("#")) {
          inArray = s.line(line, n);
        }
      }
      if (inArray) {
        throw new InputException(file, n, 1, "an array is not closed at the end of the file");
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InputException(file, n + 1, 1, "not valid UTF-8");
    } catch (IOException e) {
      throw new InputException(file, "cannot read: " + e.getMessage(), e);
    }
    s.finishPackage();
    int format = s.version != null ? s.version.intValue() : s.metadata ? 1 : 2;
    if (s.version != null && (s.version < 1 || s.version > 100)) {
      throw new InputException(file, 1, 1, "lockfile `version` must be a small integer");
    }
    return new CargoLockfile(file, format, s.packages);
  }

  /** One non-blank line; true when it opens an array that continues on the next lines. */
  private boolean line(String line, int n) throws InputException, Unsupported {
    if (line.startsWith("[")) {
      boolean array = line.startsWith("[[");
      String header = line.substring(array ? 2 : 1, line.indexOf(']') < 0 ? 0 : line.indexOf(']'));
      if (!line.endsWith(array ? "]]" : "]") || header.isEmpty()) {
        throw new Unsupported(n, "table header");
      }
      finishPackage();
      section = array && header.strip().equals("package") ? Section.PACKAGE : Section.OTHER;
      metadata |= !array && header.strip().equals("metadata");
      packageLine = n;
      return false;
    }
    int eq = keyEnd(line, n);
    String key = unquote(line.substring(0, eq).strip(), n);
    String value = line.substring(eq + 1).strip();
    if (value.startsWith("[")) {
      return !closesArray(value.substring(1), n);
    }
    Object v = scalar(value, n);
    if (section == Section.TOP && key.equals("version")) {
      if (!(v instanceof Long l)) {
        throw new InputException(file, n, 1, "lockfile `version` must be a small integer");
      }
      version = l;
    } else if (section == Section.PACKAGE && v instanceof String text) {
      switch (key) {
        case "name" -> name = text;
        case "version" -> pkgVersion = text;
        case "source" -> source = text;
        default -> {}
      }
    } else if (section == Section.PACKAGE && key.matches("name|version|source")) {
      throw new InputException(file, n, 1, "`" + key + "` must be a string");
    }
    return false;
  }

  private void finishPackage() throws InputException {
    if (section != Section.PACKAGE) {
      return;
    }
    if (name == null || pkgVersion == null) {
      throw new InputException(
          file,
          packageLine,
          1,
          "[[package]] #" + (packages.size() + 1) + " needs string `name` and `version`");
    }
    packages.add(
        new LockedPackage(
            name, pkgVersion, CargoLockfile.sourceKind(file, packageLine, name, source)));
    name = null;
    pkgVersion = null;
    source = null;
  }

  /** The index of the {@code =} after a bare or quoted key. */
  private static int keyEnd(String line, int n) throws Unsupported {
    int i = 0;
    if (line.charAt(0) == '"') {
      i = endOfString(line, 0, n) + 1;
    } else {
      while (i < line.length()
          && (Character.isLetterOrDigit(line.charAt(i)) || "_-".indexOf(line.charAt(i)) >= 0)) {
        i++;
      }
    }
    int eq = line.indexOf('=', i);
    if (eq < 0 || !line.substring(i, eq).isBlank()) {
      throw new Unsupported(n, "key = value");
    }
    return eq;
  }

  private static String unquote(String key, int n) throws Unsupported {
    return key.startsWith("\"") ? basic(key, n) : key;
  }

  private static Object scalar(String value, int n) throws Unsupported {
    String v = withoutComment(value, n);
    if (v.startsWith("\"")) {
      if (endOfString(v, 0, n) != v.length() - 1) {
        throw new Unsupported(n, "text after a string");
      }
      return basic(v, n);
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    if (v.matches("[+-]?[0-9]{1,18}")) {
      return Long.valueOf(v);
    }
    throw new Unsupported(n, "value " + v);
  }

  /** Whether {@code rest} closes an array of strings (strings may hold brackets). */
  private static boolean closesArray(String rest, int n) throws Unsupported {
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '"') {
        i = endOfString(rest, i, n);
      } else if (c == ']') {
        String after = withoutComment(rest.substring(i + 1), n);
        if (!after.isEmpty()) {
          throw new Unsupported(n, "text after an array");
        }
        return true;
      } else if (c == '#') {
        return false;
      } else if (c != ',' && c != ' ' && c != '\t') {
        throw new Unsupported(n, "array element");
      }
    }
    return false;
  }

  private static String withoutComment(String s, int n) throws Unsupported {
    int hash = s.indexOf('#');
    if (hash >= 0 && s.indexOf('"') >= 0 && s.indexOf('"') < hash) {
      int end = endOfString(s, s.indexOf('"'), n);
      hash = s.indexOf('#', end);
    }
    return (hash < 0 ? s : s.substring(0, hash)).strip();
  }

  /** The index of the quote that closes the basic string opened at {@code start}. */
  private static int endOfString(String s, int start, int n) throws Unsupported {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw new Unsupported(n, "unterminated string");
  }

  /** A basic string's text; escapes other than \" and \\ are left to the full parser. */
  private static String basic(String quoted, int n) throws Unsupported {
    String inner = quoted.substring(1, quoted.length() - 1);
    if (inner.indexOf('\\') < 0) {
      return inner;
    }
    if (inner.replace("\\\\", "").replace("\\\"", "").indexOf('\\') >= 0) {
      throw new Unsupported(n, "escape sequence");
    }
    return inner.replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
