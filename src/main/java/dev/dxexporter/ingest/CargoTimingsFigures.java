package dev.dxexporter.ingest;

import dev.dxexporter.collect.build.CargoTimings;
import dev.dxexporter.collect.build.CargoUnit;
import dev.dxexporter.store.BuildTimings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the builds collector shows of a cargo timings report, whether read from disk or from the
 * store: units summed by label, slowest first, the total and the compiled units.
 */
public final class CargoTimingsFigures {
  /** Unit labels kept by name (stored); far above the 20 the metric names. */
  static final int KEPT = 500;

  private CargoTimingsFigures() {}

  public static BuildTimings of(CargoTimings t) {
    Map<String, Double> byLabel = new LinkedHashMap<>();
    for (CargoUnit u : t.slowest(t.units().size())) {
      byLabel.merge(u.label(), u.durationSeconds(), Double::sum);
    }
    List<BuildTimings.UnitTime> all = new ArrayList<>();
    byLabel.forEach((label, seconds) -> all.add(new BuildTimings.UnitTime(label, seconds)));
    all.sort(
        Comparator.comparingDouble(BuildTimings.UnitTime::seconds)
            .reversed()
            .thenComparing(BuildTimings.UnitTime::label));
    // The metric names 20 units and sums the rest, so the store needs no more than a few hundred
    // by name: the remainder is kept summed, as "other".
    List<BuildTimings.UnitTime> units = new ArrayList<>(all.subList(0, Math.min(KEPT, all.size())));
    if (all.size() > KEPT) {
      double rest =
          all.subList(KEPT, all.size()).stream().mapToDouble(BuildTimings.UnitTime::seconds).sum();
      units.add(new BuildTimings.UnitTime("other", rest));
    }
    long dirty =
        t.dirtyUnits().isPresent()
            ? t.dirtyUnits().getAsInt()
            : t.units().stream().filter(u -> u.durationSeconds() > 0).count();
    return new BuildTimings(t.totalSeconds(), dirty, units);
  }
}
