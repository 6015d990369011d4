package dev.dxexporter.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes HTTP/1 connections whose request headers are not complete in time, as Go's {@code
 * ReadHeaderTimeout}: Jetty's idle timeout restarts with every byte, so a client sending a byte
 * every few seconds (slowloris) would hold its connection, and a thread's worth of buffers, for
 * ever. The deadline runs from the connection's opening until its first request's headers are read
 * (a TLS handshake included), and on a kept-alive connection from the first byte seen after a
 * response until that request's headers are read; a connection waiting quietly between requests is
 * left to the idle timeout. A sweep every tenth of the deadline checks Jetty's per-connection
 * counters (requests, responses, bytes in), so a connection is closed within about 1.1 deadlines.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {
  private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);

  private final long timeoutMillis;
  private final Map<Connection, Watch> watched = new ConcurrentHashMap<>();
  private final AtomicLong closed = new AtomicLong();
  private ScheduledExecutorService sweeper;

  HeaderDeadline(Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
  }

  /** An HTTP/1.1 connection factory whose connections this deadline watches. */
  HttpConnectionFactory watching(HttpConfiguration http) {
    return new HttpConnectionFactory(http) {
      @Override
      public Connection newConnection(Connector connector, EndPoint endPoint) {
        Connection connection = super.newConnection(connector, endPoint);
        if (timeoutMillis > 0) {
          connection.addEventListener(HeaderDeadline.this);
        }
        return connection;
      }
    };
  }

  /** Connections closed for sending their headers too slowly, since start. */
  long closedConnections() {
    return closed.get();
  }

  @Override
  public void onOpened(Connection connection) {
    watched.put(connection, new Watch());
  }

  @Override
  public void onClosed(Connection connection) {
    watched.remove(connection);
  }

  @Override
  protected void doStart() {
    if (timeoutMillis <= 0) {
      return;
    }
    long period = Math.max(50, Math.min(1_000, timeoutMillis / 10));
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dx-http-header-deadline");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    watched.forEach(
        (connection, watch) -> {
          if (watch.overdue(connection, now, timeoutMillis)) {
            closed.incrementAndGet();
            log.debug(
                "closing {}: request headers not complete within {} ms",
                connection.getEndPoint().getRemoteSocketAddress(),
                timeoutMillis);
            watched.remove(connection);
            connection.getEndPoint().close();
          }
        });
  }

  /** One connection's progress, as last seen by the sweeper (its only reader and writer). */
  private static final class Watch {
    private long requestsSeen = -1;
    private long bytesWhenIdle;
    private long headerSince = -1;

    boolean overdue(Connection c, long now, long timeout) {
      long requests = c.getMessagesIn(); // counted when a request's headers are complete
      if (requests == 0) {
        return now - c.getCreatedTimeStamp() > timeout;
      }
      if (requests > c.getMessagesOut()) { // being answered: no header to wait for
        requestsSeen = -1;
        headerSince = -1;
        return false;
      }
      long bytes = c.getBytesIn();
      if (requests != requestsSeen) { // a response went out since the last sweep
        requestsSeen = requests;
        bytesWhenIdle = bytes;
        headerSince = -1;
        return false;
      }
      if (bytes == bytesWhenIdle) {
        return false; // quiet between requests
      }
      if (headerSince < 0) {
        headerSince = now;
      }
      return now - headerSince > timeout;
    }
  }
}
