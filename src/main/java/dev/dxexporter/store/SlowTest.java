package dev.dxexporter.store;

/** A test case of a report with its duration. */
public record SlowTest(String suite, String className, String testName, double seconds) {}
