package dev.dxexporter.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the recorded exchanges (octokit.rb cassettes, PyGithub ReplayData) into a server. */
final class Recordings {
  /** The owner/repo the octokit.rb cassettes were anonymised to, and what tests poll instead. */
  static final String OCTOKIT_REPO = "<GITHUB_LOGIN>/<GITHUB_TEST_REPOSITORY>";

  static final String OCTOKIT_TARGET = "octo/test";

  /** One recorded exchange: the request's path and query, the reply. */
  record Exchange(String pathAndQuery, ReplayServer.Reply reply) {}

  /** A VCR cassette: every interaction, bodies base64-decoded, the repository renamed. */
  static List<Exchange> octokit(String relative) {
    JsonNode cassette = GitHubFixtures.tree(GitHubFixtures.bytes(relative));
    List<Exchange> exchanges = new ArrayList<>();
    for (JsonNode interaction : cassette.path("http_interactions")) {
      String uri =
          interaction.path("request").path("uri").asText().replace(OCTOKIT_REPO, OCTOKIT_TARGET);
      JsonNode response = interaction.path("response");
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response
          .path("headers")
          .fields()
          .forEachRemaining(
              e -> {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                headers.put(e.getKey(), values);
              });
      JsonNode body = response.path("body");
      byte[] bytes =
          body.has("base64_string")
              ? Base64.getMimeDecoder().decode(body.path("base64_string").asText())
              : body.path("string").asText().getBytes(StandardCharsets.UTF_8);
      exchanges.add(
          new Exchange(
              pathAndQuery(uri),
              new ReplayServer.Reply(
                  response.path("status").path("code").asInt(), headers, bytes)));
    }
    return exchanges;
  }

  private static final Pattern PY_HEADER =
      Pattern.compile("\\((['\"])(.*?)\\1, (['\"])(.*?)\\3\\)");

  /**
   * A PyGithub ReplayData file: 10 lines per exchange (scheme, verb, host, port, path, request
   * headers, request body, status, response headers, response body), exchanges separated by an
   * empty line.
   */
  static List<Exchange> pyGithub(String relative) {
    List<String> lines;
    try {
      lines = Files.readAllLines(GitHubFixtures.path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Exchange> exchanges = new ArrayList<>();
    for (int i = 0; i + 8 < lines.size(); i += 11) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      Matcher m = PY_HEADER.matcher(lines.get(i + 8));
      while (m.find()) {
        headers.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(4));
      }
      byte[] body =
          i + 9 < lines.size() ? lines.get(i + 9).getBytes(StandardCharsets.UTF_8) : new byte[0];
      exchanges.add(
          new Exchange(
              lines.get(i + 4),
              new ReplayServer.Reply(Integer.parseInt(lines.get(i + 7).strip()), headers, body)));
    }
    return exchanges;
  }

  static void serve(ReplayServer server, List<Exchange> exchanges) {
    for (Exchange exchange : exchanges) {
      server.on(exchange.pathAndQuery(), exchange.reply());
    }
  }

  private static String pathAndQuery(String uri) {
    URI parsed = URI.create(uri.replace("<", "%3C").replace(">", "%3E"));
    return parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
  }

  private Recordings() {}
}
