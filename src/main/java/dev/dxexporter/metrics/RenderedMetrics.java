package dev.dxexporter.metrics;

/**
 * One exposition, rendered once per change in both text formats, plain and gzipped, so that a
 * scrape only copies bytes. The arrays are never modified after construction.
 */
public record RenderedMetrics(
    byte[] text,
    byte[] textGzip,
    String textContentType,
    byte[] openMetrics,
    byte[] openMetricsGzip,
    String openMetricsContentType) {}
