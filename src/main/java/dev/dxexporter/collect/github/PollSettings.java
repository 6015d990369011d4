package dev.dxexporter.collect.github;

import java.time.Duration;

/**
 * How much one poll of one repository may look at.
 *
 * @param perPage items per page (GitHub allows up to 100)
 * @param maxPages pages of runs per workflow listing
 * @param lookback only runs created within this (rounded down to a UTC day, so the URL and its ETag
 *     change once a day), or null for no created filter
 * @param maxJobListings runs whose jobs are listed per poll; the rest wait for the next poll
 * @param maxAttemptBackfill earlier attempts of a re-run whose jobs are fetched when unknown
 * @param refreshUnlisted known runs that are not done and not in the listing (too old for it) get
 *     their own request, at most this many per poll
 */
public record PollSettings(
    int perPage,
    int maxPages,
    Duration lookback,
    int maxJobListings,
    int maxAttemptBackfill,
    int refreshUnlisted) {

  public PollSettings {
    if (perPage < 1 || perPage > 100 || maxPages < 1) {
      throw new IllegalArgumentException("perPage must be 1..100 and maxPages positive");
    }
    if (maxJobListings < 0 || maxAttemptBackfill < 0 || refreshUnlisted < 0) {
      throw new IllegalArgumentException("negative limit");
    }
  }

  public static PollSettings defaults() {
    return new PollSettings(100, 5, Duration.ofDays(2), 50, 3, 20);
  }
}
