package dev.dxexporter.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due work fairly on a fixed number of worker threads: first due, first run. A job that comes
 * due while it is queued or running is not queued again (a job never overlaps itself, and fires
 * missed while it ran are skipped, not caught up). Because a slow job holds one worker and is not
 * queued again until its next fire, every other due job gets its turn: none is starved, none loses
 * its start-up run.
 */
final class RunQueue {
  private static final Logger log = LoggerFactory.getLogger(RunQueue.class);

  private final Object lock = new Object();
  private final Map<String, Runnable> jobs = new HashMap<>();
  private final LinkedHashMap<String, Runnable> due = new LinkedHashMap<>();

  private record Running(Thread thread, Runnable work) {}

  private final Map<String, Running> running = new HashMap<>();
  private final List<Thread> workers = new ArrayList<>();
  private boolean closed;

  RunQueue(int threads, String namePrefix) {
    if (threads < 1) {
      throw new IllegalArgumentException("at least one worker thread: " + threads);
    }
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::work, namePrefix + "-" + (i + 1));
      t.setDaemon(true);
      workers.add(t);
    }
  }

  void start() {
    workers.forEach(Thread::start);
  }

  /** Adds (or replaces) the work of {@code key}. A replaced job's running work is interrupted. */
  void put(String key, Runnable work) {
    synchronized (lock) {
      if (jobs.put(key, work) != null) {
        interruptRunning(key);
        due.remove(key);
      }
    }
  }

  /** Removes a job: it is no longer queued, and its running work is interrupted. */
  void remove(String key) {
    synchronized (lock) {
      jobs.remove(key);
      due.remove(key);
      interruptRunning(key);
    }
  }

  /** Queues {@code key} to run, unless it is already queued or running (a skipped fire). */
  boolean due(String key) {
    synchronized (lock) {
      Runnable work = jobs.get(key);
      Running now = running.get(key);
      // A replaced instance that still winds down does not hold back its successor.
      if (closed || work == null || due.containsKey(key) || (now != null && now.work() == work)) {
        return false;
      }
      due.put(key, work);
      lock.notifyAll();
      return true;
    }
  }

  /**
   * Queues {@code key} even while it runs: a refresh asked for after new data arrived must not be
   * lost because a run that started before the data is still going. The queued run starts when the
   * current one ends (a job still never overlaps itself); already queued, nothing changes.
   */
  boolean dueAgain(String key) {
    synchronized (lock) {
      Runnable work = jobs.get(key);
      if (closed || work == null || due.containsKey(key)) {
        return false;
      }
      due.put(key, work);
      lock.notifyAll();
      return true;
    }
  }

  /** Worker threads that are no longer alive (none, unless something killed one). */
  int deadWorkers() {
    synchronized (lock) {
      return closed ? 0 : (int) workers.stream().filter(t -> !t.isAlive()).count();
    }
  }

  /** Jobs waiting for a worker, for tests and the landing page. */
  int waiting() {
    synchronized (lock) {
      return due.size();
    }
  }

  private void interruptRunning(String key) {
    Running r = running.get(key);
    if (r != null) {
      r.thread().interrupt(); // under the lock: the worker clears its flag under it too
    }
  }

  private void work() {
    while (true) {
      String key;
      Runnable work;
      synchronized (lock) {
        Map.Entry<String, Runnable> next;
        while ((next = firstRunnable()) == null) {
          if (closed) {
            return;
          }
          try {
            lock.wait();
          } catch (InterruptedException e) {
            // only close() interrupts an idle worker; the loop checks
          }
        }
        key = next.getKey();
        work = next.getValue();
        due.remove(key);
        running.put(key, new Running(Thread.currentThread(), work));
      }
      try {
        work.run();
      } catch (Throwable e) {
        log.error("job {} failed", key, e); // work wraps collectors; this is a last resort
      } finally {
        synchronized (lock) {
          running.remove(key);
          Thread.interrupted(); // an interrupt aimed at this run must not reach the next one
          lock.notifyAll(); // a successor of this instance may be waiting for it to wind down
        }
      }
    }
  }

  /**
   * The first due job that may start: one whose key is not running (a replaced instance winding
   * down holds back its successor, not the others); null when none, or when closed.
   */
  private Map.Entry<String, Runnable> firstRunnable() {
    if (closed) {
      return null;
    }
    for (Map.Entry<String, Runnable> e : due.entrySet()) {
      if (!running.containsKey(e.getKey())) {
        return e;
      }
    }
    return null;
  }

  /**
   * Stops taking work, interrupts what runs and waits at most {@code grace} for it; workers still
   * busy after that are daemons and abandoned.
   */
  void close(Duration grace) {
    synchronized (lock) {
      closed = true;
      due.clear();
      running.values().forEach(r -> r.thread().interrupt());
      lock.notifyAll();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread t : workers) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        t.join(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (workers.stream().anyMatch(Thread::isAlive)) {
      log.warn("collectors still running after {} ms; abandoning them", grace.toMillis());
    }
  }
}
