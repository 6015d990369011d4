package dev.dxexporter.http;

import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.RenderedMetrics;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What the exporter's own endpoints read (all of it in memory, so a request does no I/O). */
public interface ExporterStatus {
  RenderedMetrics rendered();

  List<CollectorState> collectors();

  /** Tables the sources add to the landing page, from memory. */
  default List<PageSection> pageSections() {
    return List.of();
  }

  /** Why the exporter is not healthy (collection has stopped), or empty: {@code /-/healthy}. */
  default Optional<String> unhealthy() {
    return Optional.empty();
  }

  /** The Quick Reference Card of each project, evaluated from memory. */
  default List<dev.dxexporter.gate.Card> cards() {
    return List.of();
  }

  /** Every collector ran once (a failed run counts). */
  boolean ready();

  /**
   * Re-reads the configuration; completes with the error when the new config was refused. Reloads
   * are coalesced by the daemon; the route waits without holding a thread.
   */
  CompletionStage<Optional<String>> reload();
}
