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

  /**
   * The largest TOML file parsed whole: tomlj holds up to about 136 bytes of heap per byte of input
   * (a Cargo.toml of inline-table dependencies just under 1 MiB needed all of {@code -Xmx128m},
   * {@code bench/parse-heap.sh}), so 512 KiB costs about 70 MiB at worst. Hand-written TOML
   * (Cargo.toml, .cargo/config.toml) is a few KB; Cargo.lock is streamed.
   */
  public static final long MAX_PARSED_BYTES = 512L << 10;

  /** The bounded reader of these documents (for a caller that streams instead). */
  public BoundedFiles files() {
    return files;
  }

  public TomlParseResult parse(Path file) throws InputException {
    long size;
    try {
      size = java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      size = 0; // readText names the problem
    }
    String text = size > MAX_PARSED_BYTES ? "" : files.readText(file);
    if (size > MAX_PARSED_BYTES || text.length() > MAX_PARSED_BYTES) {
      throw new InputException(
          file,
          "larger than "
              + MAX_PARSED_BYTES
              + " bytes: too large a TOML file to parse whole in the exporter's heap");
    }
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
