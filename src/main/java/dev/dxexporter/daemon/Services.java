package dev.dxexporter.daemon;

import dev.dxexporter.collect.cache.CacheScanner;
import dev.dxexporter.collect.cache.FilesystemUsage;
import dev.dxexporter.plan.PlanContext;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.StoreUnavailableException;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon-lifetime services: created once (lazily, on first use by a collector), shared by every
 * collector and every config generation, surviving reloads, closed once at shutdown in the reverse
 * order of their creation.
 */
public final class Services implements PlanContext, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Services.class);

  /** How long after a failed open the store is tried again. */
  static final Duration REOPEN_AFTER = Duration.ofSeconds(10);

  private final Clock clock;
  private final int scanThreads;
  private final Deque<AutoCloseable> created = new ArrayDeque<>();
  private final Optional<Storage> storage;
  private CacheScanner scanner;
  private FilesystemUsage filesystems;
  private Store store;
  private String storeProblem = "no storage is configured";
  private Instant nextOpenAttempt = Instant.MIN;
  private boolean closed;

  /** Where the store lives ({@code --storage.path}) and its settings. */
  public record Storage(Path directory, StoreSettings settings) {}

  /** Without a store (tests, {@code config check}): ingestion answers that none is configured. */
  public Services(Clock clock, int scanThreads) {
    this(clock, scanThreads, Optional.empty());
  }

  /** {@code scanThreads}: parallelism of the cache scanner's pool. */
  public Services(Clock clock, int scanThreads, Optional<Storage> storage) {
    this.clock = clock;
    this.scanThreads = scanThreads;
    this.storage = storage;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public synchronized CacheScanner cacheScanner() {
    if (closed) {
      throw new IllegalStateException("the daemon is shutting down");
    }
    if (scanner == null) {
      scanner = new CacheScanner(scanThreads);
      created.push(scanner);
    }
    return scanner;
  }

  @Override
  public synchronized FilesystemUsage filesystems() {
    if (filesystems == null) {
      filesystems = new FilesystemUsage();
    }
    return filesystems;
  }

  /** Whether a store is configured ({@code --storage.path}). */
  public boolean hasStorage() {
    return storage.isPresent();
  }

  /**
   * Starts opening the store (its schema migration included) on a thread of its own, so that it
   * overlaps the start of the HTTP server and the scheduler instead of following them (it is the
   * longest step before /-/ready, BENCHMARKS.md "Footprint"); the first job that needs the store
   * waits for it on the lock. A failure is logged and retried as {@link #store} describes.
   */
  public void openStoreInBackground() {
    if (storage.isEmpty()) {
      return;
    }
    Thread opener =
        new Thread(
            () -> {
              try {
                store();
              } catch (StoreUnavailableException e) {
                // store() logged it and retries on a later call.
              } catch (RuntimeException e) {
                log.warn("opening the store failed: {}", e.toString());
              }
            },
            "dx-store-open");
    opener.setDaemon(true);
    opener.start();
  }

  /**
   * The store, opened on first use. When it cannot be opened (read-only or full disk, a lock held
   * by another process), this throws {@link StoreUnavailableException} with the reason, and tries
   * again on a call at least {@link #REOPEN_AFTER} later: the daemon keeps serving meanwhile.
   */
  @Override
  public synchronized Store store() {
    if (store != null) {
      return store;
    }
    if (closed || storage.isEmpty() || clock.instant().isBefore(nextOpenAttempt)) {
      throw new StoreUnavailableException(closed ? "the daemon is shutting down" : storeProblem);
    }
    try {
      store = SqliteStore.open(storage.get().directory(), storage.get().settings());
      created.push(store);
      log.info("store open at {}", storage.get().directory());
      return store;
    } catch (StoreUnavailableException e) {
      storeProblem = e.getMessage();
      nextOpenAttempt = clock.instant().plus(REOPEN_AFTER);
      log.warn("store unavailable (retrying in {} s): {}", REOPEN_AFTER.toSeconds(), storeProblem);
      throw e;
    }
  }

  /** Closes what was created, newest first; a failure is logged and the rest still closed. */
  @Override
  public synchronized void close() {
    closed = true;
    while (!created.isEmpty()) {
      AutoCloseable c = created.pop();
      try {
        c.close();
      } catch (Exception e) {
        log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
