package dev.dxexporter.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.build.CargoTargetKind;
import dev.dxexporter.collect.build.CargoTimings;
import dev.dxexporter.collect.build.CargoTimingsReader;
import dev.dxexporter.collect.build.CargoUnit;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.BuildTimings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A timings report's figures as stored: at most {@link CargoTimingsFigures#KEPT} labels by name and
 * the rest summed as {@code other}, which changes nothing the metric shows (20 by name, the rest
 * summed).
 */
class CargoTimingsFiguresTest {
  private static CargoUnit unit(int i, double seconds) {
    return new CargoUnit(
        i,
        "crate" + i,
        "1.0.0",
        "",
        CargoTargetKind.LIB,
        Optional.empty(),
        "todo",
        List.of(),
        0,
        seconds,
        OptionalDouble.empty(),
        List.of());
  }

  private static double sum(List<Sample> samples) {
    return samples.stream()
        .filter(s -> s.family().name().equals("dx_build_unit_duration_seconds"))
        .mapToDouble(s -> ((Sample.Scalar) s).value())
        .sum();
  }

  @Test
  void manyUnitsAreKeptAsTheSlowestByNameAndTheRestSummed() {
    List<CargoUnit> units = new ArrayList<>();
    double total = 0;
    int n = CargoTimingsFigures.KEPT + 100;
    for (int i = 0; i < n; i++) {
      units.add(unit(i, i + 1));
      total += i + 1;
    }
    CargoTimings t =
        new CargoTimings(
            Path.of("cargo-timing.html"),
            123,
            OptionalInt.empty(),
            OptionalInt.of(n),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            units);
    BuildTimings stored = CargoTimingsFigures.of(t);
    assertThat(stored.units()).hasSize(CargoTimingsFigures.KEPT + 1);
    assertThat(stored.units().get(0).label()).isEqualTo("crate" + (n - 1) + " v1.0.0");
    assertThat(stored.units().get(stored.units().size() - 1).label()).isEqualTo("other");
    assertThat(stored.units().stream().mapToDouble(BuildTimings.UnitTime::seconds).sum())
        .isEqualTo(total);
    List<Sample> shown = BuildFileSamples.timings("p", "cargo", stored, 0);
    assertThat(shown)
        .filteredOn(s -> s.family().name().equals("dx_build_unit_duration_seconds"))
        .hasSize(21);
    assertThat(sum(shown)).isEqualTo(total);
  }

  @Test
  void aRealReportKeepsEveryLabel() throws Exception {
    CargoTimings t =
        new CargoTimingsReader()
            .read(Path.of("src/test/resources/build/cargo-timings/swim-rust/cargo-timing.html"));
    BuildTimings stored = CargoTimingsFigures.of(t);
    assertThat(stored.units())
        .extracting(BuildTimings.UnitTime::label)
        .doesNotHaveDuplicates()
        .doesNotContain("other");
    assertThat(stored.units().stream().mapToDouble(BuildTimings.UnitTime::seconds).sum())
        .isCloseTo(
            t.units().stream().mapToDouble(CargoUnit::durationSeconds).sum(),
            org.assertj.core.data.Offset.offset(1e-9));
  }
}
