package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Target descriptions as cargo writes them: the 2019 ones from the rust_hawktracer fixture, the
 * cargo 1.95 ones as printed by {@code cargo build|check|doc --timings --all-targets} on a package
 * with a lib, a build script, a bin, an example and an integration test.
 */
class CargoTargetDescriptionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|todo|LIB||build",
        "' custom-build'|todo|BUILD_SCRIPT||build",
        "' custom-build (run)'|run-custom-build|BUILD_SCRIPT||run-custom-build",
        "' bin \"tool\"'|todo|BIN|tool|build",
        "' test \"it\" (test)'|todo|TEST|it|test",
        "' build script'|todo|BUILD_SCRIPT||build",
        "' build-script'|todo|BUILD_SCRIPT||build",
        "' build-script (run)'|run-custom-build|BUILD_SCRIPT||run-custom-build",
        "' (check)'|todo|LIB||check",
        "' (check-test)'|todo|LIB||check-test",
        "' a \"lib\" (test)'|todo|LIB|a|test",
        "' a \"lib\" (doc)'|todo|LIB|a|doc",
        "' tool \"bin\"'|todo|BIN|tool|build",
        "' tool \"bin\" (check-test)'|todo|BIN|tool|check-test",
        "' ex \"example\" (check)'|todo|EXAMPLE|ex|check",
        "' it \"test\" (test)'|todo|TEST|it|test",
        "' b \"bench\" (test)'|todo|BENCH|b|test",
        "' a \"lib\" (doc test)'|todo|LIB|a|doctest",
        "' something new'|todo|OTHER||build",
      })
  void readsEveryLayout(
      String description, String mode, CargoTargetKind kind, String name, String expectedMode) {
    CargoTargetDescription parsed = CargoTargetDescription.parse(description, mode);
    assertThat(parsed.kind()).isEqualTo(kind);
    assertThat(parsed.name()).isEqualTo(Optional.ofNullable(name));
    assertThat(parsed.mode()).isEqualTo(expectedMode);
  }
}
