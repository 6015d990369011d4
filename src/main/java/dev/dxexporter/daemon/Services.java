package dev.dxexporter.daemon;

import dev.dxexporter.collect.cache.CacheScanner;
import dev.dxexporter.collect.cache.FilesystemUsage;
import dev.dxexporter.plan.PlanContext;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon-lifetime services: created once (lazily, on first use by a collector), shared by every
 * collector and every config generation, surviving reloads, closed once at shutdown in the reverse
 * order of their creation.
 */
public final class Services implements PlanContext, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Services.class);

  private final Clock clock;
  private final int scanThreads;
  private final Deque<AutoCloseable> created = new ArrayDeque<>();
  private CacheScanner scanner;
  private FilesystemUsage filesystems;
  private boolean closed;

  /** {@code scanThreads}: parallelism of the cache scanner's pool. */
  public Services(Clock clock, int scanThreads) {
    this.clock = clock;
    this.scanThreads = scanThreads;
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
