package dev.dxexporter.collect.build;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code cargo build --timings} HTML report (or the unstable {@code -Z timings} one of 2019).
 *
 * @param file the report
 * @param totalSeconds the build's wall time: the summary table's "Total time" (cargo's own figure,
 *     printed to 0.1 s); when the table lacks it, the latest end of any unit
 * @param freshUnits units cargo found up to date (not rebuilt, not in {@code units})
 * @param dirtyUnits units cargo rebuilt
 * @param totalUnits fresh plus dirty, as the summary table says
 * @param maxConcurrency the most units that ran at once
 * @param jobs the {@code -j} in force
 * @param profile {@code dev}, {@code release}, ...
 * @param rustc the first line of {@code rustc -vV}
 * @param buildStart when the build started, where the report's timestamp is readable
 * @param error the summary's error row: present when the build failed
 * @param units the report's units, in its order (by start time): every dirty unit that finished (a
 *     failed build lacks the unit that failed and those that never started); cargo 1.9x also lists
 *     the fresh units, with zero start and duration, older versions do not
 */
public record CargoTimings(
    Path file,
    double totalSeconds,
    OptionalInt freshUnits,
    OptionalInt dirtyUnits,
    OptionalInt totalUnits,
    OptionalInt maxConcurrency,
    OptionalInt jobs,
    Optional<String> profile,
    Optional<String> rustc,
    Optional<Instant> buildStart,
    Optional<String> error,
    List<CargoUnit> units) {

  /** Longest first; ties by label, so the order is the same on every read. */
  static final Comparator<CargoUnit> SLOWEST_FIRST =
      Comparator.comparingDouble(CargoUnit::durationSeconds)
          .reversed()
          .thenComparing(CargoUnit::label);

  public CargoTimings {
    units = List.copyOf(units);
  }

  /** Whether the build succeeded (the report has no error row). */
  public boolean succeeded() {
    return error.isEmpty();
  }

  /** The {@code n} units that took longest, longest first: "which crates take longest". */
  public List<CargoUnit> slowest(int n) {
    return units.stream().sorted(SLOWEST_FIRST).limit(Math.max(0, n)).toList();
  }

  /**
   * Per package (name and version), the summed durations of its units (lib, build script, running
   * it, tests...), longest first. Units overlap in time, so the sums add up to more than the wall
   * time of a parallel build.
   */
  public List<PackageTime> slowestPackages(int n) {
    Map<String, PackageTime> byPackage = new LinkedHashMap<>();
    for (CargoUnit unit : units) {
      byPackage.merge(
          unit.name() + " " + unit.version(),
          new PackageTime(unit.name(), unit.version(), unit.durationSeconds(), 1),
          PackageTime::plus);
    }
    return byPackage.values().stream()
        .sorted(
            Comparator.comparingDouble(PackageTime::seconds)
                .reversed()
                .thenComparing(PackageTime::name)
                .thenComparing(PackageTime::version))
        .limit(Math.max(0, n))
        .toList();
  }

  /** The summed unit durations of one package. */
  public record PackageTime(String name, String version, double seconds, int units) {
    PackageTime plus(PackageTime other) {
      return new PackageTime(name, version, seconds + other.seconds, units + other.units);
    }
  }
}
