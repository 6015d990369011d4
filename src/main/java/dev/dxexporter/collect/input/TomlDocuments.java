package dev.dxexporter.collect.input;

import java.nio.file.Path;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * Parses TOML files (Cargo.toml, Cargo.lock, .cargo/config.toml) into tomlj tables, turning every
 * failure into a located {@link InputException}.
 */
public final class TomlDocuments {
  private final BoundedFiles files;

  public TomlDocuments(BoundedFiles files) {
    this.files = files;
  }

  public TomlParseResult parse(Path file) throws InputException {
    String text = files.readText(file);
    TomlParseResult result;
    try {
      result = Toml.parse(text);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      // tomlj 2.2.0 trips an internal assert on some malformed input (with -ea), and a deeply
      // nested
      // inline array can exhaust the stack: both mean "this file is not TOML we can read".
      throw new InputException(file, "not valid TOML: " + e, e);
    }
    if (result.hasErrors()) {
      TomlParseError first = result.errors().get(0);
      TomlPosition at = first.position();
      int more = result.errors().size() - 1;
      String problem =
          "not valid TOML: "
              + first.getMessage()
              + (more > 0 ? " (and " + more + " more errors)" : "");
      throw new InputException(
          file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), problem);
    }
    return result;
  }
}
