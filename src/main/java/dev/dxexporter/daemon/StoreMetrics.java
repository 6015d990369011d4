package dev.dxexporter.daemon;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.RetentionResult;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreStats;
import dev.dxexporter.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's self-metrics ({@code dx_store_*}), read on their own schedule (never by a scrape),
 * and the retention sweep. When the store cannot be opened, {@code dx_store_up} is 0 and the rest
 * keep their last values.
 */
final class StoreMetrics {
  private static final Logger log = LoggerFactory.getLogger(StoreMetrics.class);
  private static final String REFRESHED = " Refreshed every 30 s.";
  static final MetricFamily UP =
      MetricFamily.gauge(
          "dx_store_up",
          "1 when the store of ingested results can be used, 0 when it cannot be opened (ingestion"
              + " answers 503 then)."
              + REFRESHED);
  static final MetricFamily SIZE =
      MetricFamily.gauge(
          "dx_store_size_bytes", "Disk used by the store (database and its logs)." + REFRESHED);
  static final MetricFamily ROWS =
      MetricFamily.gauge("dx_store_rows", "Rows of each table of the store." + REFRESHED);
  static final MetricFamily LAST_WRITE =
      MetricFamily.gauge(
          "dx_store_last_write_timestamp_seconds",
          "Unix time of the store's last successful write." + REFRESHED);
  static final MetricFamily WRITE_ERRORS =
      MetricFamily.counter(
          "dx_store_write_errors_total", "Failed writes to the store." + REFRESHED);
  static final MetricFamily READ_ERRORS =
      MetricFamily.counter("dx_store_read_errors_total", "Failed reads of the store." + REFRESHED);

  private final Services services;
  private volatile List<Sample> samples = List.of();

  StoreMetrics(Services services) {
    this.services = services;
  }

  List<Sample> samples() {
    return samples;
  }

  void refresh() {
    List<Sample> out = new ArrayList<>();
    StoreStats stats;
    try {
      stats = services.store().stats();
    } catch (StoreUnavailableException e) {
      List<Sample> kept = new ArrayList<>(samples.stream().filter(s -> s.family() != UP).toList());
      kept.add(Sample.of(UP, 0));
      samples = kept;
      return;
    }
    out.add(Sample.of(UP, 1));
    out.add(Sample.of(SIZE, stats.sizeOnDiskBytes()));
    for (Map.Entry<String, Long> e : stats.rowCounts().entrySet()) {
      out.add(Sample.of(ROWS, e.getValue(), "table", e.getKey()));
    }
    stats
        .lastSuccessfulWrite()
        .ifPresent(t -> out.add(Sample.of(LAST_WRITE, t.toEpochMilli() / 1000.0)));
    out.add(Sample.of(WRITE_ERRORS, stats.writeErrors()));
    out.add(Sample.of(READ_ERRORS, stats.readErrors()));
    samples = List.copyOf(out);
  }

  void applyRetention() {
    try {
      Store store = services.store();
      RetentionResult r = store.applyRetention(services.clock().instant());
      if (r.reportsDeleted() > 0) {
        log.info(
            "retention: deleted {} reports ({} test-case rows)",
            r.reportsDeleted(),
            r.caseRowsDeleted());
      }
    } catch (StoreUnavailableException e) {
      log.debug("retention skipped: {}", e.getMessage());
    }
  }
}
