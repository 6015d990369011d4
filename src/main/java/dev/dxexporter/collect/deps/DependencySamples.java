package dev.dxexporter.collect.deps;

import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.LockSource;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.metrics.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one ecosystem's {@link DependencyReport} into samples of the {@link DependencyMetrics}
 * families.
 */
final class DependencySamples {
  private DependencySamples() {}

  static List<Sample> of(String project, DependencyReport report) {
    String ecosystem = report.ecosystem().label();
    List<Sample> samples = new ArrayList<>();
    for (PackageDependencies p : report.packages()) {
      for (Map.Entry<String, Set<String>> kind : p.namesByKind().entrySet()) {
        samples.add(
            Sample.of(
                DependencyMetrics.DEPENDENCIES,
                kind.getValue().size(),
                "project",
                project,
                "ecosystem",
                ecosystem,
                "package",
                p.packageName(),
                "kind",
                kind.getKey()));
      }
    }
    samples.add(
        Sample.of(
            DependencyMetrics.DISTINCT,
            report.distinctExternal().size(),
            "project",
            project,
            "ecosystem",
            ecosystem));
    report
        .lock()
        .ifPresent(
            lock -> {
              for (LockSource source : LockSource.values()) {
                samples.add(
                    Sample.of(
                        DependencyMetrics.LOCKED,
                        lock.packages(source),
                        "project",
                        project,
                        "ecosystem",
                        ecosystem,
                        "source",
                        source.label()));
              }
              samples.add(
                  Sample.of(
                      DependencyMetrics.DUPLICATED,
                      lock.duplicatedNames(),
                      "project",
                      project,
                      "ecosystem",
                      ecosystem));
            });
    return samples;
  }
}
