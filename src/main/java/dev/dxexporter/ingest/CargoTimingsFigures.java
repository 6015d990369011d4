package dev.dxexporter.ingest;

import dev.dxexporter.collect.build.CargoTimings;
import dev.dxexporter.collect.build.CargoUnit;
import dev.dxexporter.store.BuildTimings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the builds collector shows of a cargo timings report, whether read from disk or from the
 * store: units summed by label, slowest first, the total and the compiled units.
 */
public final class CargoTimingsFigures {
  private CargoTimingsFigures() {}

  public static BuildTimings of(CargoTimings t) {
    Map<String, Double> byLabel = new LinkedHashMap<>();
    for (CargoUnit u : t.slowest(t.units().size())) {
      byLabel.merge(u.label(), u.durationSeconds(), Double::sum);
    }
    List<BuildTimings.UnitTime> units = new ArrayList<>();
    byLabel.forEach((label, seconds) -> units.add(new BuildTimings.UnitTime(label, seconds)));
    units.sort(
        java.util.Comparator.comparingDouble(BuildTimings.UnitTime::seconds)
            .reversed()
            .thenComparing(BuildTimings.UnitTime::label));
    long dirty =
        t.dirtyUnits().isPresent()
            ? t.dirtyUnits().getAsInt()
            : t.units().stream().filter(u -> u.durationSeconds() > 0).count();
    return new BuildTimings(t.totalSeconds(), dirty, units);
  }
}
