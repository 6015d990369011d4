package dev.dxexporter.collect.cache;

import dev.dxexporter.metrics.Sample;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code CollectAsUserMain PATH}: one run of the real {@link CacheCollector} over PATH, printing
 * each sample as "name value". Run as another user (setpriv) by {@link IncompleteScanTest}: root
 * reads every directory whatever its mode, so an unreadable cache can only be seen by somebody
 * else.
 */
public final class CollectAsUserMain {
  private CollectAsUserMain() {}

  public static void main(String[] args) throws Exception {
    try (CacheScanner scanner = new CacheScanner(2)) {
      CacheCollector collector =
          new CacheCollector(
              "demo",
              "target",
              Path.of(args[0]),
              Duration.ofDays(7),
              Duration.ofMinutes(5),
              scanner,
              new FilesystemUsage(),
              Clock.systemUTC());
      for (Sample s : collector.collect()) {
        System.out.println(s.family().name() + " " + (long) ((Sample.Scalar) s).value());
      }
    }
  }
}
