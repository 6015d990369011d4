package dev.dxexporter.collect.deps;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Parses JSON manifests (package.json, package-lock.json) with limits, errors carrying line and
 * column.
 */
final class JsonDocuments {
  /**
   * package-lock v1 nests one level per node_modules level; real trees stay well under 100. Deeper
   * input is hostile and would otherwise cost stack in the tree walk.
   */
  static final int MAX_NESTING_DEPTH = 200;

  private static final java.util.regex.Pattern START_MARKER =
      java.util.regex.Pattern.compile(
          "\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)]\\)");

  private final ManifestFiles files;
  private final ObjectMapper mapper;

  JsonDocuments(ManifestFiles files) {
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

  JsonNode parse(Path file) throws ManifestException {
    byte[] bytes = files.readBytes(file);
    try {
      JsonNode node = mapper.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new ManifestException(file, "empty JSON document");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      int column = at == null ? 0 : Math.max(0, at.getColumnNr());
      // Jackson appends "(start marker at [Source: REDACTED ...; line: 1, column: 1])": say it
      // plainly.
      String problem =
          START_MARKER
              .matcher(String.valueOf(e.getOriginalMessage()))
              .replaceAll(" (opened at line $1, column $2)");
      throw new ManifestException(file, line, column, "not valid JSON: " + problem, e);
    } catch (IOException e) {
      throw new ManifestException(file, "cannot read: " + e, e);
    }
  }
}
