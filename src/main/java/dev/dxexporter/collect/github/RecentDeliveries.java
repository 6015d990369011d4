package dev.dxexporter.collect.github;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} delivery ids in memory (oldest forgotten first): enough to catch
 * GitHub's retries and manual redeliveries of recent events without growing without bound.
 */
public final class RecentDeliveries implements DeliveryLog {
  private final Map<String, Boolean> seen;

  public RecentDeliveries(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public synchronized boolean firstSeen(String deliveryId) {
    return seen.putIfAbsent(deliveryId, Boolean.TRUE) == null;
  }

  synchronized int size() {
    return seen.size();
  }
}
