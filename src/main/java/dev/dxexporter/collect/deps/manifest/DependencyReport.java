package dev.dxexporter.collect.deps.manifest;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ecosystem's dependencies in one project: per package the declared direct dependencies, the
 * distinct external ones over all packages and kinds, and the lockfile summary when there is one.
 */
public record DependencyReport(
    Ecosystem ecosystem,
    List<PackageDependencies> packages,
    Set<String> distinctExternal,
    Optional<LockSummary> lock) {
  public DependencyReport {
    packages = List.copyOf(packages);
    Set<String> names = new java.util.HashSet<>();
    for (PackageDependencies p : packages) {
      // The package name is a label value: two packages with one name would collide on the wire.
      if (!names.add(p.packageName())) {
        throw new IllegalArgumentException(
            "two " + ecosystem.label() + " packages named " + p.packageName());
      }
    }
    distinctExternal = Collections.unmodifiableSet(new TreeSet<>(distinctExternal));
  }

  /** The package of that name, if the report has one. */
  public Optional<PackageDependencies> findPackage(String name) {
    return packages.stream().filter(p -> p.packageName().equals(name)).findFirst();
  }
}
