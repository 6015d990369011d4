package dev.dxexporter.collect.github;

/**
 * Remembers {@code X-GitHub-Delivery} ids. GitHub redelivers with the same id (manual "Redeliver",
 * retries after a timeout), so a second sighting is a duplicate. The reducer is idempotent, so a
 * missed duplicate cannot corrupt state; deduplication keeps counters honest and saves work. The
 * lead's store implements this durably; {@link RecentDeliveries} is the in-memory one.
 */
public interface DeliveryLog {
  /** Records {@code deliveryId}; true when it had not been recorded before. */
  boolean firstSeen(String deliveryId);
}
