package dev.dxexporter.collect.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dependency collector's test data, {@code src/test/resources/deps/<ecosystem>/}, shared by the
 * tests of every ecosystem. Provenance and how each expected value was computed: {@code
 * src/test/resources/deps/README.md} (and {@code cargo/README.md} for the ggen copies).
 */
public final class DepsFixtures {
  /** The data as files, relative to the repository root (the test working directory). */
  public static final Path RESOURCES = Path.of("src", "test", "resources", "deps");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An expected-value file, {@code relative} to {@code deps/} (e.g. {@code npm/npm.expected.json}).
   */
  public static JsonNode expected(String relative) throws IOException {
    try (InputStream in = DepsFixtures.class.getResourceAsStream("/deps/" + relative)) {
      if (in == null) {
        throw new IOException("no test resource deps/" + relative);
      }
      return JSON.readTree(in);
    }
  }

  /** A JSON array of strings as a set. */
  public static Set<String> strings(JsonNode array) {
    Set<String> result = new TreeSet<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }

  private DepsFixtures() {}
}
