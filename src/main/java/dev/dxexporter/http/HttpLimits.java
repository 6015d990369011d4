package dev.dxexporter.http;

import java.time.Duration;

/**
 * What one client may hold of the server.
 *
 * @param maxConnections open connections across all listen addresses; beyond it new connections
 *     wait in the kernel's accept queue (0: no limit)
 * @param readHeaderTimeout how long a client may take to send a request's headers, from the
 *     connection's opening or from a kept-alive connection's first byte (zero: no deadline)
 */
public record HttpLimits(int maxConnections, Duration readHeaderTimeout) {
  /** As Prometheus' {@code --web.max-connections}, and a header deadline against slowloris. */
  public static final HttpLimits DEFAULTS = new HttpLimits(512, Duration.ofSeconds(10));

  public HttpLimits {
    if (maxConnections < 0) {
      throw new IllegalArgumentException("max connections must not be negative");
    }
    if (readHeaderTimeout.isNegative()) {
      throw new IllegalArgumentException("read header timeout must not be negative");
    }
  }
}
