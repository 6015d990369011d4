package dev.dxexporter.collect.bench;

/**
 * A rate the benchmark reports, higher is better.
 *
 * @param unit {@code ops/s}, {@code bytes/s} or {@code elements/s} when the tool's unit is known
 *     (ops/ms, MB/s, items_per_second, criterion's Elements/Bytes/BytesDecimal all normalise to
 *     these); otherwise the per-second unit the tool printed, e.g. {@code req/s}
 */
public record Throughput(double value, String unit) {}
