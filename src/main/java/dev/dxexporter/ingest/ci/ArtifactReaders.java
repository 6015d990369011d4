package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.bench.Regression;
import dev.dxexporter.collect.build.CargoTimingsReader;
import dev.dxexporter.ingest.BenchmarkIngester;
import dev.dxexporter.ingest.CoverageIngester;
import dev.dxexporter.ingest.TestIngester;

/** The report readers artifact entries go through: the same ones pushed and local reports use. */
public record ArtifactReaders(
    TestIngester tests,
    CoverageIngester coverage,
    BenchmarkIngester benchmarks,
    CargoTimingsReader timings) {
  /** The readers with the limits the daemon uses. */
  public static ArtifactReaders defaults() {
    return new ArtifactReaders(
        new TestIngester(256L << 20),
        new CoverageIngester(256L << 20),
        new BenchmarkIngester(64L << 20, new Regression()),
        new CargoTimingsReader());
  }
}
