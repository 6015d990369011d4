package dev.dxexporter.collect.github;

import java.time.Duration;

/** Waits; injected so that tests see every backoff and rate-limit wait without sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** The real one. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
