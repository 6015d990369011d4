package dev.dxexporter.ingest.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A tiny real benchmark for {@code bench/benchmark-regression.sh}: a fixed amount of CPU work per
 * operation, {@code -Ddx.demo.work=1.15} doing 15 % more (the "slower commit"). Unchanged runs of
 * it show the run-to-run noise the regression verdict must not fire on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RegressionDemoBenchmark {
  private static final long BASE_TOKENS = 4_000;
  private long tokens;

  @Setup
  public void setUp() {
    tokens = Math.round(BASE_TOKENS * Double.parseDouble(System.getProperty("dx.demo.work", "1")));
  }

  @Benchmark
  public void work() {
    Blackhole.consumeCPU(tokens);
  }
}
