package dev.dxexporter.config;

import dev.dxexporter.config.yaml.Durations;
import java.time.Duration;
import java.util.Objects;

/** When a collector runs: a fixed period or a Quartz cron expression. */
public sealed interface Schedule {

  /** Runs every {@code period}, first at start-up. */
  record Every(Duration period) implements Schedule {
    public Every {
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("period must be positive: " + period);
      }
    }

    @Override
    public String toString() {
      return Durations.format(period);
    }
  }

  /** Runs on a Quartz cron expression (seconds first), and once at start-up. */
  record Cron(String expression) implements Schedule {
    public Cron {
      Objects.requireNonNull(expression, "expression");
    }

    @Override
    public String toString() {
      return expression;
    }
  }
}
