package dev.dxexporter.store.bench;

import ch.qos.logback.classic.Level;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@code SqliteStore.open} in a fresh JVM, as the daemon does it once at start: class loading
 * of the driver and Flyway, the native library's extraction, Flyway's validation (or the first
 * migration), the first read. Used by {@code bench/store-open.sh}; prints one line.
 */
public final class StoreOpenTiming {
  private StoreOpenTiming() {}

  public static void main(String[] args) {
    long jvmUptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
    // INFO, as the daemon logs: without it logback's default prints Flyway's DEBUG lines.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.INFO);
    long start = System.nanoTime();
    Store store = SqliteStore.open(Path.of(args[0]), StoreSettings.defaults());
    long opened = System.nanoTime();
    store.stats();
    long firstRead = System.nanoTime();
    store.close();
    System.out.printf(
        "open %.0f ms, first read %.1f ms (JVM up %d ms before main)%n",
        (opened - start) / 1e6, (firstRead - opened) / 1e6, jvmUptimeMs);
  }
}
