package dev.dxexporter.http;

import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.RenderedMetrics;
import java.util.List;

/** What the HTTP layer reads; all of it in memory, so a request does no I/O. */
public interface ExporterStatus {
  RenderedMetrics rendered();

  List<CollectorState> collectors();

  boolean ready();
}
