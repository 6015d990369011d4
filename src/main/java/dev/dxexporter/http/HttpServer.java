package dev.dxexporter.http;

import dev.dxexporter.webconfig.WebConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 serving the exporter's endpoints on one or more listen addresses: plain HTTP, or HTTPS
 * when the web config enables TLS; basic auth and extra headers in front of every path.
 */
public final class HttpServer implements AutoCloseable {
  private final Server server;
  private final List<ServerConnector> connectors = new ArrayList<>();
  private final List<TlsConnectorFactory.Context> tlsContexts = new ArrayList<>();
  private final WebHandler web;
  private final HeaderDeadline headerDeadline;
  private final boolean tls;
  private Optional<WebConfig.Tls> tlsInForce;

  /** Serves {@code routes} on every address, with the web config's TLS, users and headers. */
  public HttpServer(List<ListenAddress> addresses, List<Route> routes, WebConfig webConfig) {
    this(addresses, routes, webConfig, HttpLimits.DEFAULTS);
  }

  /** As above, with {@code limits} on connections and on the time to send request headers. */
  public HttpServer(
      List<ListenAddress> addresses, List<Route> routes, WebConfig webConfig, HttpLimits limits) {
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("dx-http");
    threads.setDaemon(true);
    server = new Server(threads);
    tlsInForce = webConfig.tls();
    tls = tlsInForce.isPresent();
    headerDeadline = new HeaderDeadline(limits.readHeaderTimeout());
    server.addBean(headerDeadline);
    for (ListenAddress address : addresses) {
      HttpConfiguration http = new HttpConfiguration();
      http.setSendServerVersion(false);
      ServerConnector connector;
      if (tls) {
        TlsConnectorFactory.Context context = new TlsConnectorFactory.Context(tlsInForce.get());
        tlsContexts.add(context);
        connector =
            TlsConnectorFactory.create(
                server, headerDeadline.watching(new HttpConfiguration(http)), context);
      } else {
        connector = new ServerConnector(server, 1, 1, headerDeadline.watching(http));
      }
      connector.setHost(address.host());
      connector.setPort(address.port());
      server.addConnector(connector);
      connectors.add(connector);
    }
    if (limits.maxConnections() > 0) {
      // Counts sockets, not requests: beyond it Jetty stops accepting, so a flood of idle
      // connections waits in the kernel's queue instead of exhausting the process's descriptors.
      server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
    }
    web = new WebHandler(routes, webConfig);
    server.setHandler(web);
    server.setErrorHandler(new ConfiguredErrorHandler(web::headers));
    server.setStopTimeout(3_000);
  }

  /** Binds every address; throws (naming the address) when one cannot be bound. */
  public void start() throws Exception {
    server.start();
  }

  /**
   * Applies a re-read web config: its TLS settings to the connections that follow (open ones keep
   * theirs), its users and headers to the requests that follow. Turning TLS on or off needs new
   * connectors: then the TLS state stays as it is and this returns true (restart needed).
   */
  public synchronized boolean apply(WebConfig next) throws Exception {
    if (next.tls().isPresent() != tls) {
      web.apply(next);
      return true;
    }
    if (tls && !Objects.equals(tlsInForce, next.tls())) {
      for (TlsConnectorFactory.Context context : tlsContexts) {
        context.replace(next.tls().get());
      }
      tlsInForce = next.tls();
    }
    web.apply(next);
    return false;
  }

  /** The bound ports, in the order of the addresses (useful with port 0). */
  public List<Integer> ports() {
    return connectors.stream().map(ServerConnector::getLocalPort).toList();
  }

  /** Connections closed because their request headers were not complete in time. */
  long headerDeadlineClosures() {
    return headerDeadline.closedConnections();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
