package dev.dxexporter.collect.bench;

/**
 * One of criterion's relative-change estimates ({@code change/estimates.json}): {@code new/base −
 * 1} of the mean or median time per iteration, a fraction (0.05 = 5 % slower), with criterion's
 * bootstrap confidence interval.
 */
public record ChangeEstimate(
    double pointEstimate, ConfidenceInterval interval, double standardError) {}
