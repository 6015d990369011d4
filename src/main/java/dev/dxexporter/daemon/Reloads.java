package dev.dxexporter.daemon;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Coalesces reload requests: one reload runs at a time on its own thread, and at most one more is
 * pending; every request that arrives while one is pending joins it (the pending reload will read
 * the files after the request came, so it answers it truthfully). No caller's thread waits: the
 * HTTP route and the SIGHUP handler get a future.
 */
final class Reloads implements AutoCloseable {
  private final Supplier<Optional<String>> reload;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "dx-reload");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<Optional<String>> pending;

  /** {@code reload}: performs one reload, returning the error when it was refused. */
  Reloads(Supplier<Optional<String>> reload) {
    this.reload = reload;
  }

  synchronized CompletionStage<Optional<String>> request() {
    if (pending == null) {
      CompletableFuture<Optional<String>> next = new CompletableFuture<>();
      pending = next;
      thread.execute(() -> run(next));
    }
    return pending;
  }

  private void run(CompletableFuture<Optional<String>> mine) {
    synchronized (this) {
      if (pending == mine) {
        pending = null; // requests from now on need a reload that starts after them
      }
    }
    try {
      mine.complete(reload.get());
    } catch (RuntimeException | Error e) {
      mine.complete(Optional.of(String.valueOf(e)));
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
