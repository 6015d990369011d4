package dev.dxexporter.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixtures under {@code src/test/resources/github/} (provenance in its README). */
final class GitHubFixtures {
  static final String PAYLOADS = "octokit-webhooks/payload-examples/api.github.com/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Path path(String relative) {
    try {
      var url = GitHubFixtures.class.getResource("/github/" + relative);
      if (url == null) {
        throw new IllegalArgumentException("no fixture github/" + relative);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture read as a plain tree, independently of the code under test. */
  static JsonNode tree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The payload examples of one event, e.g. {@code workflow_job}, as paths relative to github/. */
  static List<String> payloads(String event) {
    try (Stream<Path> files = Files.list(path(PAYLOADS + event))) {
      return files
          .map(p -> PAYLOADS + event + "/" + p.getFileName())
          .filter(p -> p.endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GitHubFixtures() {}
}
