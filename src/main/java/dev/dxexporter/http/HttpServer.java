package dev.dxexporter.http;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty 12 serving the exporter's endpoints on one or more listen addresses. */
public final class HttpServer implements AutoCloseable {
  private final Server server;
  private final List<ServerConnector> connectors = new ArrayList<>();

  public HttpServer(
      List<ListenAddress> addresses, String telemetryPath, String version, ExporterStatus status) {
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("dx-http");
    threads.setDaemon(true);
    server = new Server(threads);
    for (ListenAddress address : addresses) {
      HttpConfiguration http = new HttpConfiguration();
      http.setSendServerVersion(false);
      ServerConnector connector =
          new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
      connector.setHost(address.host());
      connector.setPort(address.port());
      server.addConnector(connector);
      connectors.add(connector);
    }
    server.setHandler(new ExporterHandler(telemetryPath, version, status));
    server.setStopTimeout(3_000);
  }

  /** Binds every address; throws (naming the address) when one cannot be bound. */
  public void start() throws Exception {
    server.start();
  }

  /** The bound ports, in the order of the addresses (useful with port 0). */
  public List<Integer> ports() {
    return connectors.stream().map(ServerConnector::getLocalPort).toList();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
