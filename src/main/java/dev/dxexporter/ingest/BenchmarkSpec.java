package dev.dxexporter.ingest;

import dev.dxexporter.collect.bench.BenchmarkFormat;
import java.util.List;

/**
 * One configured benchmark report: its label, where it is, and its format ({@code null}: detected
 * from each file's content). For {@link BenchmarkFormat#CRITERION} the paths are criterion output
 * directories ({@code target/criterion}); otherwise glob patterns of output files, each file one
 * report.
 */
public record BenchmarkSpec(String name, List<String> paths, BenchmarkFormat format) {
  public BenchmarkSpec {
    paths = List.copyOf(paths);
  }
}
