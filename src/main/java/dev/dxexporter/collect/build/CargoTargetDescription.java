package dev.dxexporter.collect.build;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cargo's unit target description ({@code UnitData.target}). Cargo writes {@code ""} for a
 * library built or checked normally, else {@code " " + Target::description_named()} followed by a
 * mode suffix such as {@code " (test)"}. {@code description_named} changed over the years: {@code
 * custom-build} and {@code bin "tool"} (2019), {@code build script}, and {@code build-script} and
 * {@code tool "bin"} (cargo 1.9x).
 */
record CargoTargetDescription(CargoTargetKind kind, Optional<String> name, String mode) {
  private static final Map<String, String> MODE_SUFFIXES =
      Map.of(
          "test", "test",
          "check-test", "check-test",
          "check", "check",
          "doc", "doc",
          "doc test", "doctest",
          "doc scrape", "docscrape",
          "run", "run-custom-build");

  private static final Pattern SUFFIX =
      Pattern.compile("^(.*?)\\s*\\((test|check-test|check|doc|doc test|doc scrape|run)\\)$");
  private static final Pattern KIND_THEN_NAME = Pattern.compile("^(\\w+) \"(.*)\"$");
  private static final Pattern NAME_THEN_KIND = Pattern.compile("^(.*) \"(\\w+)\"$");
  private static final Set<String> BUILD_SCRIPT =
      Set.of("custom-build", "build script", "build-script");

  /**
   * @param jsonMode the unit's {@code mode}: cargo writes {@code run-custom-build} for running a
   *     build script and a placeholder ({@code todo}) for everything else
   */
  static CargoTargetDescription parse(String description, String jsonMode) {
    String rest = description.strip();
    String mode = "build";
    Matcher suffix = SUFFIX.matcher(rest);
    if (suffix.matches()) {
      rest = suffix.group(1).strip();
      mode = MODE_SUFFIXES.get(suffix.group(2));
    }
    if ("run-custom-build".equals(jsonMode)) {
      mode = "run-custom-build";
    }
    if (rest.isEmpty() || rest.equals("lib")) {
      return new CargoTargetDescription(CargoTargetKind.LIB, Optional.empty(), mode);
    }
    if (BUILD_SCRIPT.contains(rest)) {
      return new CargoTargetDescription(CargoTargetKind.BUILD_SCRIPT, Optional.empty(), mode);
    }
    Matcher newer = NAME_THEN_KIND.matcher(rest);
    if (newer.matches() && kind(newer.group(2)) != null) {
      return new CargoTargetDescription(kind(newer.group(2)), Optional.of(newer.group(1)), mode);
    }
    Matcher older = KIND_THEN_NAME.matcher(rest);
    if (older.matches() && kind(older.group(1)) != null) {
      return new CargoTargetDescription(kind(older.group(1)), Optional.of(older.group(2)), mode);
    }
    return new CargoTargetDescription(CargoTargetKind.OTHER, Optional.empty(), mode);
  }

  private static CargoTargetKind kind(String word) {
    return switch (word) {
      case "lib" -> CargoTargetKind.LIB;
      case "bin" -> CargoTargetKind.BIN;
      case "test" -> CargoTargetKind.TEST;
      case "bench" -> CargoTargetKind.BENCH;
      case "example" -> CargoTargetKind.EXAMPLE;
      default -> null;
    };
  }
}
