package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer connection behind one lock, plus reader connections that are reused while idle. No
 * pool library: SQLite allows one writer at a time anyway, and WAL readers never wait for it, so a
 * Java lock in front of the writer is the whole of the write concurrency control.
 *
 * <p>A failed transaction discards the connection it ran on; the next call opens a fresh one. That
 * is how the store recovers once a full disk, a lock or a read-only mount has cleared, without the
 * caller reopening anything.
 */
final class Connections implements AutoCloseable {
  /** Work inside one transaction. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs on the writer connection before each write transaction (fault injection in tests). */
  interface WriteHook {
    WriteHook NONE = connection -> {};

    void beforeWrite(Connection connection) throws SQLException;
  }

  private static final int MAX_IDLE_READERS = 4;

  private final Dialect dialect;
  private final Duration writerWait;
  private final WriteHook hook;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final AtomicLong writeErrors = new AtomicLong();
  private final AtomicLong readErrors = new AtomicLong();
  private final Deque<Connection> idleReaders = new ArrayDeque<>();
  private Connection writer; // guarded by writeLock
  private boolean closed; // guarded by idleReaders

  Connections(Dialect dialect, Duration writerWait, WriteHook hook) {
    this.dialect = dialect;
    this.writerWait = writerWait;
    this.hook = hook;
  }

  Dialect dialect() {
    return dialect;
  }

  long writeErrors() {
    return writeErrors.get();
  }

  long readErrors() {
    return readErrors.get();
  }

  /** Runs {@code work} in one write transaction; committed (durably) when this returns. */
  <T> T write(String action, Work<T> work) {
    acquireWriter(action);
    try {
      Connection c = null;
      T result;
      try {
        ensureOpen();
        if (writer == null) {
          writer = dialect.open(true);
        }
        c = writer;
        hook.beforeWrite(c);
        // Begins the transaction (SQLite: BEGIN IMMEDIATE, waiting up to the lock timeout).
        c.setAutoCommit(false);
        result = work.run(c);
        // Leaving auto-commit off commits (JDBC says so). Not commit(): xerial's commit() begins
        // the next transaction at once, and that BEGIN IMMEDIATE failing on another process's
        // lock would report a durable save as failed.
        c.setAutoCommit(true);
      } catch (SQLException e) {
        discardWriter();
        writeErrors.incrementAndGet();
        throw dialect.unavailable(action, e);
      } catch (RuntimeException | Error e) {
        discardWriter();
        throw e;
      }
      return result;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs {@code work} on the writer outside a transaction, for housekeeping whose failure changes
   * nothing stored: a failure is ignored and the next write reopens the connection.
   */
  void tidy(Work<?> work) {
    writeLock.lock();
    try {
      if (writer != null) {
        work.run(writer);
      }
    } catch (SQLException e) {
      discardWriter();
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} in one read transaction (one consistent snapshot). */
  <T> T read(String action, Work<T> work) {
    Connection c = takeIdleReader();
    try {
      if (c == null) {
        c = dialect.open(false);
      }
      c.setAutoCommit(false); // one snapshot for all the statements of this read
      T result = work.run(c);
      c.setAutoCommit(true);
      giveBack(c);
      return result;
    } catch (SQLException e) {
      closeQuietly(c);
      readErrors.incrementAndGet();
      throw dialect.unavailable(action, e);
    } catch (RuntimeException | Error e) {
      closeQuietly(c);
      throw e;
    }
  }

  private void acquireWriter(String action) {
    boolean locked;
    try {
      locked = writeLock.tryLock(writerWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(action + " interrupted while waiting for the writer", e);
    }
    if (!locked) {
      writeErrors.incrementAndGet();
      throw new StoreUnavailableException(
          "store "
              + dialect.where()
              + " is busy: another write held it for "
              + writerWait.toSeconds()
              + " s; "
              + action
              + " failed");
    }
  }

  private void ensureOpen() {
    synchronized (idleReaders) {
      if (closed) {
        throw new IllegalStateException("store " + dialect.where() + " is closed");
      }
    }
  }

  private Connection takeIdleReader() {
    synchronized (idleReaders) {
      if (closed) {
        throw new IllegalStateException("store " + dialect.where() + " is closed");
      }
      return idleReaders.pollFirst();
    }
  }

  private void giveBack(Connection c) {
    synchronized (idleReaders) {
      if (!closed && idleReaders.size() < MAX_IDLE_READERS) {
        idleReaders.addFirst(c);
        return;
      }
    }
    closeQuietly(c);
  }

  private void discardWriter() {
    if (writer != null) {
      // Closing rolls back what is open; rollback() first could wait for a lock again.
      closeQuietly(writer);
      writer = null;
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing left to release
      }
    }
  }

  @Override
  public void close() {
    synchronized (idleReaders) {
      closed = true;
      idleReaders.forEach(Connections::closeQuietly);
      idleReaders.clear();
    }
    writeLock.lock();
    try {
      discardWriter();
    } finally {
      writeLock.unlock();
    }
  }
}
