package dev.dxexporter.collect.github;

import java.util.List;

/**
 * The items of a (paginated) listing, fresh or from the ETag cache.
 *
 * @param changed whether any page was answered 200 (else every page was a 304: nothing changed)
 * @param truncated whether pages were left because of the page limit
 * @param fetched pages answered 200
 * @param notModified pages answered 304
 */
public record Listing<T>(
    List<T> items, boolean changed, boolean truncated, int fetched, int notModified) {
  public Listing {
    items = List.copyOf(items);
  }
}
