package dev.dxexporter.daemon;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The daemon's signals, installed first thing at start-up so that none arrives unhandled: SIGTERM
 * and SIGINT ask for a graceful stop (the serve command then closes the daemon and exits 0, as
 * Prometheus does), SIGHUP asks for a reload. A SIGHUP that arrives before the daemon is up is
 * logged and dropped. Under {@code nohup} SIGHUP is ignored from launch and the JVM then installs
 * no handler for it: that is detected and logged, and reload stays available over HTTP.
 */
public final class Signals {
  private static final Logger log = LoggerFactory.getLogger(Signals.class);

  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile boolean started;
  private volatile Runnable onHangup =
      () -> log.info("SIGHUP during start-up: ignored (the config is being read now)");

  private Signals() {}

  public static Signals install() {
    Signals s = new Signals();
    for (String name : new String[] {"TERM", "INT"}) {
      s.handle(
          name,
          signal -> {
            if (!s.started) {
              log.info("SIG{} received during start-up: exiting", name);
              System.exit(0);
            }
            if (s.stop.getCount() > 0) {
              log.info("SIG{} received: shutting down", name);
            }
            s.stop.countDown();
          });
    }
    SignalHandler previous = s.handle("HUP", signal -> s.onHangup.run());
    if (previous == SignalHandler.SIG_IGN) {
      log.warn(
          "SIGHUP is ignored by this process (started under nohup?): the JVM cannot handle it;"
              + " reload with POST /-/reload instead");
    }
    return s;
  }

  private SignalHandler handle(String name, SignalHandler handler) {
    try {
      return Signal.handle(new Signal(name), handler);
    } catch (IllegalArgumentException e) {
      log.warn("SIG{} cannot be handled here: {}", name, e.getMessage());
      return null;
    }
  }

  /** The daemon is up: from now on SIGTERM stops it gracefully and SIGHUP runs {@code reload}. */
  public void started(Runnable reload) {
    onHangup = reload;
    started = true;
  }

  /** Blocks until a stop is asked for. */
  public void awaitStop() throws InterruptedException {
    stop.await();
  }
}
