package dev.dxexporter.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns a parser that pushes items to a consumer into the iterator the store pulls from, without
 * holding the items: the parser runs on its own thread and hands items over through a small bounded
 * queue, so a report of a million cases streams into the database in constant memory. The parser's
 * result (its summary) is available once the iterator is exhausted; its failure is rethrown from
 * the iterator, so the store rolls the save back.
 *
 * @param <T> the items
 * @param <R> the parser's result
 */
final class CaseStream<T, R> implements Iterator<T>, AutoCloseable {
  /** What runs on the producer thread: parse, feeding {@code sink}, and return the summary. */
  interface Producer<T, R> {
    R produce(Consumer<T> sink) throws Exception;
  }

  private static final Object END = new Object();
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
  private final Thread thread;
  private volatile R result;
  private volatile Throwable failure;
  private volatile boolean abandoned;
  private Object next;

  CaseStream(String name, Producer<T, R> producer) {
    thread =
        new Thread(
            () -> {
              try {
                result = producer.produce(this::offer);
              } catch (Throwable t) {
                failure = t;
              } finally {
                offer(END);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  private void offer(Object item) {
    try {
      while (!abandoned && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        // the reader is slower (a database write): wait, unless it gave up
      }
      if (abandoned && item != END) {
        throw new IllegalStateException("the reader stopped reading");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing over items", e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        abandoned = true;
        throw new IllegalStateException("interrupted while reading items", e);
      }
    }
    if (next == END) {
      if (failure != null) {
        throw new ProducerFailure(failure);
      }
      return false;
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked") // only T and END are ever queued
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T item = (T) next;
    next = null;
    return item;
  }

  /** The producer's result; call after {@link #hasNext()} returned false. */
  R result() {
    if (next != END) {
      throw new IllegalStateException("the items are not all read yet");
    }
    return result;
  }

  /** Stops the producer if it still runs (the save failed or was a duplicate). */
  @Override
  public void close() {
    abandoned = true;
    queue.clear();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The producer's own failure, carried through the iterator; unwrap with {@link #getCause()}. */
  static final class ProducerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProducerFailure(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
