package dev.dxexporter.collect.tests;

import java.time.Instant;

/**
 * One {@code <testsuite>} of a file.
 *
 * @param name its {@code name} attribute, empty when absent
 * @param depth 0 for a suite directly under the root (or the root itself), 1 for a suite nested in
 *     it, ...
 * @param cases the test cases inside it, nested suites included
 * @param seconds its {@code time} attribute when valid, else the sum of its cases' times
 * @param timeGiven whether {@code seconds} came from the suite's own {@code time} attribute
 * @param start its {@code timestamp} attribute (the start), null when absent or invalid; a
 *     timestamp without a zone is read as UTC (only differences within one run are used)
 */
public record SuiteTime(
    String name, int depth, int cases, double seconds, boolean timeGiven, Instant start) {}
