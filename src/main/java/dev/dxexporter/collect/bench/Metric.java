package dev.dxexporter.collect.bench;

/**
 * A further value a benchmark reported besides its primary one: Go's {@code B/op}, {@code
 * allocs/op} and {@code b.ReportMetric} units, JMH secondary metrics ({@code gc.alloc.rate.norm},
 * {@code gc.count}), Google Benchmark user counters.
 *
 * @param name the metric's name in the tool ({@code allocs/op}, {@code gc.alloc.rate.norm})
 * @param unit as the tool printed it
 * @param direction null when the unit does not say
 */
public record Metric(String name, double value, String unit, Direction direction) {}
