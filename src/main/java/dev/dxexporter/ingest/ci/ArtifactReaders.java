package dev.dxexporter.ingest.ci;

import dev.dxexporter.ingest.BenchmarkIngester;
import dev.dxexporter.ingest.CoverageIngester;
import dev.dxexporter.ingest.TestIngester;

/** The report readers artifact entries go through: the same ones pushed and local reports use. */
public record ArtifactReaders(
    TestIngester tests, CoverageIngester coverage, BenchmarkIngester benchmarks) {}
