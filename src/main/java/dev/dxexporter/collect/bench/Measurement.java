package dev.dxexporter.collect.bench;

/**
 * One value with its unit.
 *
 * @param unit for normalised values {@code s} (per iteration), {@code ops/s}, {@code bytes/s},
 *     {@code elements/s} or {@code bytes}; otherwise the unit the tool printed
 * @param direction null when neither the unit nor the format says which way is better
 */
public record Measurement(double value, String unit, Direction direction) {}
