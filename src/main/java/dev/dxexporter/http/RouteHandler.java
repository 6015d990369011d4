package dev.dxexporter.http;

/** Answers the requests of one route; see {@link Exchange} for responding later. */
@FunctionalInterface
public interface RouteHandler {
  void handle(Exchange exchange) throws Exception;
}
