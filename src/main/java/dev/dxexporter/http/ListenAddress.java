package dev.dxexporter.http;

/**
 * A {@code --web.listen-address} value: {@code :29100} (all interfaces), {@code 127.0.0.1:29100},
 * {@code [::1]:29100} or {@code localhost:0} (any free port).
 */
public record ListenAddress(String host, int port) {

  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("listen address needs a port, e.g. :29100: " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid port in listen address: " + text);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range in listen address: " + text);
    }
    return new ListenAddress(host.isEmpty() ? null : host, port);
  }

  @Override
  public String toString() {
    String h = host == null ? "" : host.contains(":") ? "[" + host + "]" : host;
    return h + ":" + port;
  }
}
