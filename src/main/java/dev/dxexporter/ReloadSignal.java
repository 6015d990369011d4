package dev.dxexporter;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP reloads the config, as with Prometheus and its exporters. The reload runs on its own
 * thread: a signal handler must return quickly, and reloads queue rather than overlap.
 */
final class ReloadSignal {
  private static final Logger log = LoggerFactory.getLogger(ReloadSignal.class);

  private ReloadSignal() {}

  static void install(Runnable reload) {
    ExecutorService reloads =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "dx-reload");
              t.setDaemon(true);
              return t;
            });
    try {
      Signal.handle(
          new Signal("HUP"),
          signal -> {
            log.info("SIGHUP received: reloading the config");
            reloads.submit(reload);
          });
    } catch (IllegalArgumentException e) {
      log.warn("SIGHUP reload is not available on this platform: {}", e.getMessage());
    }
  }
}
