package dev.dxexporter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real Alertmanager (Debian package) on a loopback port, clustering off. */
final class AlertmanagerServer implements AutoCloseable {
  final int port = ServerProcess.freePort();
  private final ServerProcess process;

  AlertmanagerServer(Path dir, Path config) {
    process =
        ServerProcess.start(
            "alertmanager",
            dir,
            List.of(
                Binaries.alertmanager(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("alertmanager-data"),
                "--web.listen-address=127.0.0.1:" + port,
                // No gossip: it would bind 0.0.0.0:9094, which another test or engineer may hold.
                "--cluster.listen-address=",
                "--log.level=warn"));
  }

  boolean ready() {
    return Http.status("http://127.0.0.1:" + port + "/-/ready") == 200;
  }

  /** Alerts Alertmanager holds, with status.state active / suppressed and status.inhibitedBy. */
  List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    Http.getJson("http://127.0.0.1:" + port + "/api/v2/alerts").forEach(alerts::add);
    return alerts;
  }

  String logTail() {
    return process.logTail();
  }

  @Override
  public void close() {
    process.close();
  }
}
