package dev.dxexporter.metrics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's one render thread: runs the registry's renders one at a time, each at least {@code
 * gap} after the previous one ended. A change after a quiet spell is rendered at once; changes that
 * come while a render runs or waits join the next one, so a burst (thousands of collectors
 * finishing at start-up) costs a render per gap, not one per collector, and rendering takes at most
 * a share of one core however many collectors there are.
 */
public final class RenderThread implements Executor, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RenderThread.class);

  /**
   * The daemon's gap: /metrics is at most this much (and one render) behind the collectors, well
   * within any scrape interval, and rendering a thousand projects (3.5 MB of OpenMetrics, gzipped:
   * the body in demand, see FormatDemand) takes at most a share of a core however often collectors
   * finish.
   */
  public static final Duration GAP = Duration.ofSeconds(1);

  private final long gapNanos;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final Thread thread;
  private long lastEnded = System.nanoTime() - Long.MAX_VALUE / 2;
  private boolean closed;

  public RenderThread(Duration gap) {
    this.gapNanos = gap.toNanos();
    thread = new Thread(this::loop, "dx-render");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void execute(Runnable task) {
    if (!closed) {
      tasks.add(task);
      notifyAll();
    }
  }

  private void loop() {
    while (true) {
      Runnable task;
      synchronized (this) {
        try {
          while (!closed && (tasks.isEmpty() || System.nanoTime() - lastEnded < gapNanos)) {
            long wait = tasks.isEmpty() ? 0 : gapNanos - (System.nanoTime() - lastEnded);
            if (tasks.isEmpty()) {
              wait();
            } else {
              wait(Math.max(1, wait / 1_000_000), 0);
            }
          }
        } catch (InterruptedException e) {
          return; // only close() interrupts
        }
        if (closed) {
          return;
        }
        task = tasks.poll();
      }
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        log.error("rendering failed", e); // the registry catches its own; this is a last resort
      }
      synchronized (this) {
        lastEnded = System.nanoTime();
      }
    }
  }

  /** Stops the thread; a render in progress finishes, queued ones are dropped. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      tasks.clear();
      notifyAll();
    }
  }
}
