package dev.dxexporter.plan;

import dev.dxexporter.collect.cache.CacheScanner;
import dev.dxexporter.collect.cache.FilesystemUsage;
import dev.dxexporter.store.Store;
import java.time.Clock;

/**
 * The daemon-lifetime services collectors may use: created once (lazily, on first use), shared by
 * every collector and every generation of the config, closed once at shutdown.
 */
public interface PlanContext {
  Clock clock();

  /** The one work-stealing pool that scans cache directories. */
  CacheScanner cacheScanner();

  /** File-system usage of the volumes caches live on. */
  FilesystemUsage filesystems();

  /**
   * The store of ingested results.
   *
   * @throws dev.dxexporter.store.StoreUnavailableException when it cannot be used now
   */
  Store store();
}
