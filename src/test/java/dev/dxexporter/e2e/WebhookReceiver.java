package dev.dxexporter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP server inside the test that records Alertmanager's webhook notifications. */
final class WebhookReceiver implements AutoCloseable {
  /** One alert of one notification, with the path (= receiver) it was posted to. */
  record Delivered(String path, String receiver, String status, JsonNode alert) {
    String label(String name) {
      return alert.path("labels").path(name).asText(null);
    }

    String annotation(String name) {
      return alert.path("annotations").path(name).asText(null);
    }
  }

  private final HttpServer server;
  private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          JsonNode body = Http.JSON.readTree(exchange.getRequestBody());
          bodies.add(body);
          for (JsonNode alert : body.path("alerts")) {
            delivered.add(
                new Delivered(
                    exchange.getRequestURI().getPath(),
                    body.path("receiver").asText(),
                    alert.path("status").asText(),
                    alert));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Delivered> delivered() {
    return new ArrayList<>(delivered);
  }

  List<JsonNode> bodies() {
    return new ArrayList<>(bodies);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
