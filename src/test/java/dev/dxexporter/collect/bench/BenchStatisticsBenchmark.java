package dev.dxexporter.collect.bench;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a regression verdict and of reading results, for BENCHMARKS.md: Welch and
 * Mann–Whitney on two samples of {@link Samples#MAX} values (the most a result keeps), a whole
 * criterion tree (the deduplicate fixture: 18 benchmarks, 60 run directories), and the
 * github-action-benchmark JMH and pytest inputs. Run from the repository root:
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt &amp;&amp; mvn -q test-compile
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main BenchStatistics -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BenchStatisticsBenchmark {
  private double[] a;
  private double[] b;
  private double[] small;
  private double[] smallOther;
  private final CriterionDirectoryReader criterion = new CriterionDirectoryReader();
  private final ActionBenchmarkReaders readers = new ActionBenchmarkReaders();
  private final Path tree =
      Path.of("src/test/resources/bench/criterion/deduplicate/target/criterion");
  private final Path pytest = ActionBenchmarkSnapshotTest.DATA.resolve("pytest_several_units.json");

  @Setup
  public void setUp() {
    Random random = new Random(42);
    a = new double[Samples.MAX];
    b = new double[Samples.MAX];
    for (int i = 0; i < a.length; i++) {
      a[i] = 1e-6 * (1 + 0.1 * random.nextGaussian());
      b[i] = 1.02e-6 * (1 + 0.1 * random.nextGaussian());
    }
    small = java.util.Arrays.copyOf(a, 30);
    smallOther = java.util.Arrays.copyOf(b, 30);
  }

  @Benchmark
  public double welch10k() {
    return WelchTTest.of(a, b).p();
  }

  @Benchmark
  public double mannWhitney10k() {
    return MannWhitneyU.of(a, b).p();
  }

  @Benchmark
  public double mannWhitneyExact30() {
    return MannWhitneyU.of(small, smallOther).p();
  }

  @Benchmark
  public Object readCriterionTree() throws Exception {
    return criterion.readTree(tree);
  }

  @Benchmark
  public Object readPytestJson() throws Exception {
    return readers.read(pytest);
  }
}
