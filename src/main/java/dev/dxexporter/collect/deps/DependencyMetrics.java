package dev.dxexporter.collect.deps;

import dev.dxexporter.metrics.MetricFamily;

/** The metric families of the dependency collector (DESIGN.md, metric catalogue). */
public final class DependencyMetrics {
  private static final String REFRESHED = " Refreshed on the collector's schedule.";

  /** Labels: project, ecosystem, package, kind. */
  public static final MetricFamily DEPENDENCIES =
      MetricFamily.gauge(
          "dx_dependencies",
          "Direct dependencies declared by one package (Cargo workspace member, Maven module, npm"
              + " package or workspace, Go module), counted once per name and kind."
              + REFRESHED);

  /** Labels: project, ecosystem. */
  public static final MetricFamily DISTINCT =
      MetricFamily.gauge(
          "dx_dependencies_distinct",
          "Distinct external direct dependencies across the project's packages and kinds"
              + " (dependencies between the project's own packages excluded)."
              + REFRESHED);

  /** Labels: project, ecosystem, source (registry, git, path). */
  public static final MetricFamily LOCKED =
      MetricFamily.gauge(
          "dx_dependencies_locked",
          "Packages pinned in the lockfile, by source (registry, git, path)." + REFRESHED);

  /** Labels: project, ecosystem. */
  public static final MetricFamily DUPLICATED =
      MetricFamily.gauge(
          "dx_dependencies_duplicated",
          "Package names pinned in the lockfile in more than one version." + REFRESHED);

  /** Labels: project, ecosystem. */
  public static final MetricFamily READ_SUCCESS =
      MetricFamily.gauge(
          "dx_dependencies_read_success",
          "Whether the ecosystem's manifests and lockfile were read in the last run (1) or not (0;"
              + " its other dx_dependencies series then keep the last values read)."
              + REFRESHED);

  private DependencyMetrics() {}
}
