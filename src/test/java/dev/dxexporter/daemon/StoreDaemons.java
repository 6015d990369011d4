package dev.dxexporter.daemon;

import dev.dxexporter.Main;
import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.http.ListenAddress;
import dev.dxexporter.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real daemon over a config file and a store, on loopback, as the ingestion tests start it. */
final class StoreDaemons {
  private StoreDaemons() {}

  /**
   * @param env the environment the config's {@code {env: …}} secrets are read from
   * @param port 0 for any free port
   */
  static Daemon start(Path config, Map<String, String> env, Path storage, int port)
      throws Exception {
    ConfigLoader loader = new ConfigLoader(Main.sources(), config.getParent(), env);
    return Daemon.start(
        BuildInfo.load(),
        Main.sources(),
        loader.load(config),
        () -> loader.load(config),
        Daemon.Web.none(),
        new Daemon.Options(
            List.of(ListenAddress.parse("127.0.0.1:" + port)),
            "/metrics",
            2,
            Duration.ofSeconds(5)),
        new Services(
            Clock.systemUTC(),
            1,
            Optional.of(new Services.Storage(storage, StoreSettings.defaults()))));
  }
}
