package dev.dxexporter.collect.build;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One compilation unit of a cargo timing report: one target of one package in one mode (the lib of
 * serde, the build script of libc, running that build script, a test binary).
 *
 * @param index cargo's unit index ({@code i}), unique within the report
 * @param name package name
 * @param version package version
 * @param target cargo's target description as written, trimmed: empty for a library built normally,
 *     {@code custom-build (run)}, {@code gamma "bin"}, {@code bin "gamma"} ...
 * @param targetKind what {@code target} describes
 * @param targetName the target's name where the description carries one (bins, tests, examples)
 * @param mode {@code build}, {@code check}, {@code check-test}, {@code test}, {@code doc}, {@code
 *     doctest}, {@code docscrape} or {@code run-custom-build}
 * @param features enabled features (empty in reports older than cargo 1.5x, which do not list them
 *     in the data)
 * @param startSeconds start, seconds after the build started
 * @param durationSeconds wall time of the unit (cargo rounds it to 0.01 s)
 * @param rmetaSeconds when the unit's {@code .rmeta} was written, seconds after its start; only in
 *     reports that carry {@code rmeta_time} (cargo before 1.9x); newer ones fold it into {@code
 *     sections}
 * @param sections phases, as cargo would show them in its table: from {@code sections} when
 *     present, else frontend up to {@code rmeta_time} and codegen after it, else none
 */
public record CargoUnit(
    int index,
    String name,
    String version,
    String target,
    CargoTargetKind targetKind,
    Optional<String> targetName,
    String mode,
    List<String> features,
    double startSeconds,
    double durationSeconds,
    OptionalDouble rmetaSeconds,
    List<CargoSection> sections) {

  public CargoUnit {
    features = List.copyOf(features);
    sections = List.copyOf(sections);
  }

  /** The unit as cargo's table names it: {@code beta v0.2.0 build-script (run)}. */
  public String label() {
    return name + " v" + version + (target.isEmpty() ? "" : " " + target);
  }

  /** When the unit ended, seconds after the build started. */
  public double endSeconds() {
    return startSeconds + durationSeconds;
  }

  /** The length of the named section, when the report has it. */
  public OptionalDouble section(String sectionName) {
    return sections.stream()
        .filter(s -> s.name().equals(sectionName))
        .mapToDouble(CargoSection::durationSeconds)
        .findFirst();
  }

  /** Time up to the {@code .rmeta} (parsing, type checking), when the report has it. */
  public OptionalDouble frontendSeconds() {
    return section("frontend");
  }

  /** Code generation time, when the report has it. */
  public OptionalDouble codegenSeconds() {
    return section("codegen");
  }
}
