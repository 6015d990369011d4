package dev.dxexporter.config;

import java.nio.file.Path;
import java.time.Duration;

/** One build-cache directory to measure. {@code path} is absolute. */
public record CacheConfig(
    String name, Path path, Schedule schedule, Duration staleAfter, Duration timeout) {}
