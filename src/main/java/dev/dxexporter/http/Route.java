package dev.dxexporter.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One endpoint: its path pattern (literal segments and {@code {name}} segments, e.g. {@code
 * /api/v1/projects/{project}/tests/flaky}), the methods it answers (GET implies HEAD), its own
 * authentication and its handler. The server dispatches to routes and knows none of them.
 */
public record Route(
    String pattern, Set<String> methods, Authentication authentication, RouteHandler handler) {
  public Route {
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("a route pattern starts with /: " + pattern);
    }
    methods = Set.copyOf(methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList());
  }

  public static Route get(String pattern, Authentication auth, RouteHandler handler) {
    return new Route(pattern, Set.of("GET"), auth, handler);
  }

  public static Route post(String pattern, Authentication auth, RouteHandler handler) {
    return new Route(pattern, Set.of("POST"), auth, handler);
  }

  /** Whether {@code method} is answered (HEAD where GET is). */
  boolean allows(String method) {
    return methods.contains(method) || (method.equals("HEAD") && methods.contains("GET"));
  }

  /** The {@code Allow} header value. */
  String allowHeader() {
    List<String> out = new java.util.ArrayList<>(new java.util.TreeSet<>(methods));
    if (methods.contains("GET") && !methods.contains("HEAD")) {
      out.add(out.indexOf("GET") + 1, "HEAD");
    }
    return String.join(", ", out);
  }

  /** The path parameters when {@code path} matches the pattern. */
  Optional<Map<String, String>> match(String path) {
    String[] want = pattern.split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return Optional.empty();
    }
    Map<String, String> params = new TreeMap<>();
    for (int i = 0; i < want.length; i++) {
      String w = want[i];
      if (w.length() > 2 && w.startsWith("{") && w.endsWith("}")) {
        if (got[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(w.substring(1, w.length() - 1), got[i]);
      } else if (!w.equals(got[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
