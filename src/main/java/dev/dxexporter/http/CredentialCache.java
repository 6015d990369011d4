package dev.dxexporter.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded set of keys that evicts the least recently used one when full. A lookup takes no lock
 * (a concurrent map and a use stamp), so a cached scrape is answered while other threads hash; only
 * an insertion past the bound scans the entries for the oldest, which is cheap next to the bcrypt
 * comparison that precedes every insertion.
 */
final class CredentialCache<K> {
  private final int capacity;
  private final Map<K, Long> lastUse = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();

  CredentialCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** Whether {@code key} is held; a hit counts as a use. */
  boolean contains(K key) {
    return lastUse.computeIfPresent(key, (k, stamp) -> clock.incrementAndGet()) != null;
  }

  void add(K key) {
    lastUse.put(key, clock.incrementAndGet());
    while (lastUse.size() > capacity) {
      lastUse.entrySet().stream()
          .min(Map.Entry.comparingByValue())
          .ifPresent(oldest -> lastUse.remove(oldest.getKey(), oldest.getValue()));
    }
  }

  int size() {
    return lastUse.size();
  }
}
