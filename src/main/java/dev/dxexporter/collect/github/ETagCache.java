package dev.dxexporter.collect.github;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per URL: the ETag of the last 200, its next-page link and what it parsed to, so that a 304 (which
 * costs no primary quota) is answered from here and pagination goes on through the cached next
 * link. Holds parsed records, not bodies (a page of runs is a few hundred KB of JSON and a few KB
 * of records). Least recently used entries go first.
 */
final class ETagCache<T> {
  record Entry<T>(String etag, URI next, List<T> items) {
    Entry {
      items = List.copyOf(items);
    }
  }

  private final Map<URI, Entry<T>> entries;

  ETagCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<URI, Entry<T>> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Entry<T> get(URI uri) {
    return entries.get(uri);
  }

  synchronized void put(URI uri, Entry<T> entry) {
    entries.put(uri, entry);
  }

  synchronized void clear() {
    entries.clear();
  }

  synchronized int size() {
    return entries.size();
  }
}
