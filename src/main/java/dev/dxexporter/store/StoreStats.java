package dev.dxexporter.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The store's own figures, for {@code dx_store_*}. {@code sizeOnDiskBytes} counts every file of the
 * database (for SQLite: the db, its WAL and shared-memory files). {@code rowCounts} maps table name
 * to rows and is empty when the database could not be read (that failure is counted in {@code
 * readErrors}). {@code lastSuccessfulWrite} is the store time of the newest report, empty before
 * the first. The error counts are since the store was opened.
 */
public record StoreStats(
    long sizeOnDiskBytes,
    Map<String, Long> rowCounts,
    Optional<Instant> lastSuccessfulWrite,
    long writeErrors,
    long readErrors) {
  public StoreStats {
    rowCounts = Map.copyOf(rowCounts);
  }
}
