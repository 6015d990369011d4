package dev.dxexporter.http;

import dev.dxexporter.webconfig.WebConfig;
import java.time.Duration;
import java.util.List;

/** A server for {@link FdLimitTest}'s child JVM: args max-connections, header deadline in ms. */
public final class CappedServerMain {
  private CappedServerMain() {}

  public static void main(String[] args) throws Exception {
    HttpServer server =
        new HttpServer(
            List.of(ListenAddress.parse("127.0.0.1:0")),
            List.of(Route.get("/ok", Authentication.NONE, ex -> ex.respondText(200, "ok\n"))),
            WebConfig.NONE,
            new HttpLimits(Integer.parseInt(args[0]), Duration.ofMillis(Long.parseLong(args[1]))));
    server.start();
    System.out.println("port=" + server.ports().get(0));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
