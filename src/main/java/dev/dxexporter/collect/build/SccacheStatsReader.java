package dev.dxexporter.collect.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * Reads sccache's statistics: {@code sccache --show-stats --stats-format=json} (one JSON object,
 * {@code ServerInfo} of sccache's {@code server.rs}) or the text of plain {@code --show-stats}.
 * Which one a file holds is told by its first character. Both give the same numbers, except what
 * the text form does not print (cache writes, durations) and sizes, which it rounds. Thread-safe.
 */
public final class SccacheStatsReader {
  /** sccache stats are a few KiB; a megabyte is already suspicious. */
  public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

  private final BoundedFiles files;
  private final JsonDocuments json;

  public SccacheStatsReader() {
    this(new BoundedFiles(DEFAULT_MAX_BYTES));
  }

  public SccacheStatsReader(BoundedFiles files) {
    this.files = files;
    this.json = new JsonDocuments(files);
  }

  public CompilerCacheStats read(Path file) throws InputException {
    byte[] bytes = files.readBytes(file);
    String text;
    try {
      text = BoundedFiles.utf8(bytes);
    } catch (CharacterCodingException e) {
      throw new InputException(file, "not valid UTF-8", e);
    }
    return text.stripLeading().startsWith("{") ? parseJson(text, file) : parseText(text, file);
  }

  /** The JSON form. */
  public CompilerCacheStats parseJson(String text, Path file) throws InputException {
    JsonNode root = json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), file);
    return SccacheJsonStats.parse(root, file);
  }

  /** The text form. */
  public CompilerCacheStats parseText(String text, Path file) throws InputException {
    return SccacheTextStats.parse(text, file);
  }
}
