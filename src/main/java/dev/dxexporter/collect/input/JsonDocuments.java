package dev.dxexporter.collect.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Parses JSON inputs (package-lock.json, criterion estimates, pytest-benchmark, GitHub payloads)
 * with limits on nesting and size; errors carry the line and column.
 */
public final class JsonDocuments {
  /**
   * package-lock v1 nests one level per node_modules level; real trees stay well under 100. Deeper
   * input is hostile and would otherwise cost stack in a tree walk.
   */
  public static final int MAX_NESTING_DEPTH = 200;

  private static final Pattern START_MARKER =
      Pattern.compile("\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)]\\)");

  private final BoundedFiles files;
  private final ObjectMapper mapper;

  public JsonDocuments(BoundedFiles files) {
    this.files = files;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxDocumentLength(files.maxBytes())
                    .build())
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** The whole file as a tree. */
  public JsonNode parse(Path file) throws InputException {
    return parse(files.readBytes(file), file);
  }

  /** {@code bytes} as a tree; {@code file} names the input in errors. */
  public JsonNode parse(byte[] bytes, Path file) throws InputException {
    try {
      JsonNode node = mapper.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new InputException(file, "empty JSON document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw error(file, e);
    } catch (IOException e) {
      throw new InputException(file, "cannot read: " + e, e);
    }
  }

  /** A streaming parser over the bounded file (for inputs too large to hold as a tree). */
  public JsonParser stream(Path file) throws InputException {
    InputStream in = files.open(file);
    try {
      return stream(in);
    } catch (IOException e) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the first failure is the one to report
      }
      throw new InputException(file, "cannot read: " + e, e);
    }
  }

  /** A streaming parser over {@code in} (for inputs too large to hold as a tree). */
  public JsonParser stream(InputStream in) throws IOException {
    return mapper.getFactory().createParser(in);
  }

  /** A Jackson failure as a located input error. */
  public static InputException error(Path file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : Math.max(0, at.getLineNr());
    int column = at == null ? 0 : Math.max(0, at.getColumnNr());
    // Jackson appends "(start marker at [Source: REDACTED ...; line: 1, column: 1])": say it
    // plainly.
    String problem =
        START_MARKER
            .matcher(String.valueOf(e.getOriginalMessage()))
            .replaceAll(" (opened at line $1, column $2)");
    return new InputException(file, line, column, "not valid JSON: " + problem, e);
  }
}
