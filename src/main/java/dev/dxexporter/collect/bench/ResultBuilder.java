package dev.dxexporter.collect.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles a {@link BenchmarkResult}; the readers validate the numbers before they get here. */
final class ResultBuilder {
  private final String name;
  private final BenchmarkFormat format;
  private Measurement primary;
  private final Map<Statistic, Double> seconds = new EnumMap<>(Statistic.class);
  private ConfidenceInterval interval;
  private Throughput throughput;
  private Double bytesPerOp;
  private final List<Metric> metrics = new ArrayList<>();
  private Samples samples = Samples.none();
  private ReportedValue reported;
  private final Map<String, String> details = new LinkedHashMap<>();

  ResultBuilder(String name, BenchmarkFormat format) {
    this.name = name;
    this.format = format;
  }

  /** A time per iteration as the primary value, also recorded under {@code statistic}. */
  ResultBuilder primaryTime(double secondsPerIteration, Statistic statistic) {
    primary = new Measurement(secondsPerIteration, Units.SECONDS, Direction.LOWER_IS_BETTER);
    seconds.put(statistic, secondsPerIteration);
    return this;
  }

  /** A non-time primary value in {@code unit}; the direction follows from the unit if null. */
  ResultBuilder primary(double value, String unit, Direction direction) {
    Direction d = direction != null ? direction : Units.direction(unit);
    primary = new Measurement(value, unit, d);
    return this;
  }

  ResultBuilder primaryThroughput(Throughput t) {
    primary = new Measurement(t.value(), t.unit(), Direction.HIGHER_IS_BETTER);
    throughput = t;
    return this;
  }

  ResultBuilder seconds(Statistic statistic, double value) {
    seconds.put(statistic, value);
    return this;
  }

  /** Sample statistics for those estimates the tool did not report itself. */
  ResultBuilder secondsFromSamples(Samples timeSamples) {
    timeSamples.statistics().forEach(seconds::putIfAbsent);
    return this;
  }

  ResultBuilder interval(ConfidenceInterval value) {
    interval = value;
    return this;
  }

  ResultBuilder throughput(Throughput value) {
    throughput = value;
    return this;
  }

  ResultBuilder bytesPerOp(Double value) {
    bytesPerOp = value;
    return this;
  }

  ResultBuilder metric(String metricName, double value, String unit) {
    return metric(metricName, value, unit, Units.direction(unit));
  }

  ResultBuilder metric(String metricName, double value, String unit, Direction direction) {
    metrics.add(new Metric(metricName, value, unit, direction));
    return this;
  }

  ResultBuilder samples(Samples value) {
    samples = value;
    return this;
  }

  ResultBuilder reported(double value, String unit, String range, String extra) {
    reported = new ReportedValue(value, unit, range, extra);
    return this;
  }

  ResultBuilder detail(String key, Object value) {
    if (value != null) {
      details.put(key, String.valueOf(value));
    }
    return this;
  }

  Measurement primary() {
    return primary;
  }

  BenchmarkResult build() {
    if (primary == null) {
      throw new IllegalStateException("no primary value for " + name);
    }
    ReportedValue shown =
        reported != null
            ? reported
            : new ReportedValue(primary.value(), primary.unit(), null, null);
    return new BenchmarkResult(
        name,
        format,
        primary,
        seconds,
        interval,
        throughput,
        bytesPerOp,
        metrics,
        samples,
        shown,
        details);
  }
}
