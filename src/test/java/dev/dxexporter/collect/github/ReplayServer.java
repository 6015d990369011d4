package dev.dxexporter.collect.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local stand-in for api.github.com on 127.0.0.1: answers recorded (or scripted) responses by
 * path and query, rewrites {@code https://api.github.com} in headers to itself, answers 304 to an
 * {@code If-None-Match} equal to the reply's ETag (as GitHub does), and logs every request.
 */
final class ReplayServer implements AutoCloseable {
  /** One response. Queued replies are used once each, except the last, which repeats. */
  record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    static Reply json(int status, String body, String... headerPairs) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("Content-Type", List.of("application/json; charset=utf-8"));
      for (int i = 0; i < headerPairs.length; i += 2) {
        headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
      }
      return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A request as it arrived; header names lower case. */
  record Seen(String path, String query, Map<String, String> headers, int status) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final Map<String, Map<String, String>> queries = new LinkedHashMap<>();
  private final Map<String, Deque<Reply>> replies = new LinkedHashMap<>();
  private final List<Seen> log = Collections.synchronizedList(new ArrayList<>());

  private ReplayServer(HttpServer server) {
    this.server = server;
  }

  static ReplayServer start() throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ReplayServer replay = new ReplayServer(http);
    http.createContext("/", replay::handle);
    http.start();
    return replay;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Adds replies for a path and query; a request matches when its path is equal and it carries
   * every recorded query parameter with the same value (it may carry more).
   */
  synchronized void on(String pathAndQuery, Reply... more) {
    URI uri = URI.create(pathAndQuery);
    String key = uri.getRawPath() + "?" + new TreeMap<>(params(uri.getRawQuery()));
    queries.put(key, params(uri.getRawQuery()));
    replies.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(List.of(more));
  }

  /** Replaces the replies of a route. */
  synchronized void replace(String pathAndQuery, Reply... replacement) {
    URI uri = URI.create(pathAndQuery);
    replies.remove(uri.getRawPath() + "?" + new TreeMap<>(params(uri.getRawQuery())));
    on(pathAndQuery, replacement);
  }

  List<Seen> requests() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  void clearLog() {
    log.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream ignored = exchange.getRequestBody()) {
      URI uri = exchange.getRequestURI();
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      Reply reply = match(uri);
      int status = reply.status();
      boolean notModified =
          reply.header("etag") != null && reply.header("etag").equals(headers.get("if-none-match"));
      if (notModified) {
        status = 304;
      }
      log.add(new Seen(uri.getRawPath(), uri.getRawQuery(), headers, status));
      reply
          .headers()
          .forEach(
              (name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("content-length")
                    || lower.equals("transfer-encoding")
                    || lower.equals("content-encoding")
                    || (notModified && lower.equals("content-type"))) {
                  return;
                }
                for (String value : values) {
                  exchange
                      .getResponseHeaders()
                      .add(name, value.replace("https://api.github.com", base().toString()));
                }
              });
      byte[] body = notModified ? new byte[0] : reply.body();
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private synchronized Reply match(URI uri) {
    Map<String, String> asked = params(uri.getRawQuery());
    String best = null;
    for (Map.Entry<String, Map<String, String>> route : queries.entrySet()) {
      String path = route.getKey().substring(0, route.getKey().indexOf('?'));
      boolean fits =
          path.equals(uri.getRawPath())
              && route.getValue().entrySet().stream()
                  .allMatch(e -> e.getValue().equals(asked.get(e.getKey())));
      if (fits && (best == null || route.getValue().size() > queries.get(best).size())) {
        best = route.getKey();
      }
    }
    if (best == null) {
      return Reply.json(404, "{\"message\":\"Not Found\"}");
    }
    Deque<Reply> queue = replies.get(best);
    return queue.size() > 1 ? queue.poll() : queue.peek();
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
