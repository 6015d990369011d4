package dev.dxexporter.collect.cache;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whose a cache is, exported as the {@code scope} label. A project's own build output ({@code
 * target/}, {@code node_modules/}) is {@code project}; a per-user cache ({@code ~/.m2/repository},
 * {@code ~/.cargo/registry}) is {@code user}: shared by every project on the host, so it is
 * exported without a {@code project} label, can never be summed per project, and the cache-size
 * alerts and the card leave it out.
 */
public enum CacheScope {
  PROJECT("project"),
  USER("user");

  private final String label;

  CacheScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<CacheScope> byLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }
}
