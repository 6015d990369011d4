package dev.dxexporter.collect.coverage.bench;

import dev.dxexporter.collect.coverage.CoberturaReader;
import dev.dxexporter.collect.coverage.CoverageReport;
import dev.dxexporter.collect.coverage.LcovReader;
import dev.dxexporter.collect.input.BoundedFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read throughput of the LCOV and Cobertura readers on large generated reports of a realistic shape
 * (per source file: 60 % of lines instrumented, 80 % of those executed, a two-way branch on every
 * tenth line, a function every 40 lines). MB/s = file size / time per read; the sizes are printed
 * at setup. Run with a heap smaller than the file to show it is streamed, e.g.:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main CoverageReadBenchmark \
 *   -p megabytes=500 -jvmArgs -Xmx256m
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class CoverageReadBenchmark {
  @Param({"100"})
  public int megabytes;

  private Path dir;
  private Path lcov;
  private Path cobertura;
  private final BoundedFiles files = new BoundedFiles(Long.MAX_VALUE);

  @Setup(Level.Trial)
  public void generate() throws IOException {
    dir = Files.createTempDirectory("coverage-bench");
    lcov = dir.resolve("lcov.info");
    cobertura = dir.resolve("coverage.xml");
    long target = megabytes * 1_000_000L;
    writeLcov(lcov, target);
    writeCobertura(cobertura, target);
    System.out.printf(
        "%nlcov.info %,d bytes, coverage.xml %,d bytes%n", Files.size(lcov), Files.size(cobertura));
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(lcov);
    Files.deleteIfExists(cobertura);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public CoverageReport lcov() throws Exception {
    try (InputStream in = files.open(lcov)) {
      return new LcovReader().read(in, lcov);
    }
  }

  @Benchmark
  public CoverageReport cobertura() throws Exception {
    try (InputStream in = files.open(cobertura)) {
      return new CoberturaReader().read(in, cobertura);
    }
  }

  public static void writeLcov(Path file, long bytes) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int f = 0; Files.size(file) < bytes; f++) {
        StringBuilder s = new StringBuilder(1 << 16);
        s.append("TN:\nSF:/build/project/src/module")
            .append(f / 100)
            .append("/file")
            .append(f)
            .append(".c\n");
        int found = 0;
        int hit = 0;
        int branches = 0;
        int taken = 0;
        int lines = 500 + random.nextInt(1500);
        for (int line = 1; line <= lines; line += 40) {
          s.append("FN:").append(line).append(",function_").append(line).append('\n');
        }
        for (int line = 1; line <= lines; line += 40) {
          s.append("FNDA:")
              .append(random.nextInt(3))
              .append(",function_")
              .append(line)
              .append('\n');
        }
        for (int line = 1; line <= lines; line++) {
          if (random.nextInt(10) < 6) {
            int count = random.nextInt(10) < 8 ? 1 + random.nextInt(1000) : 0;
            s.append("DA:").append(line).append(',').append(count).append('\n');
            found++;
            hit += count > 0 ? 1 : 0;
            if (line % 10 == 0) {
              for (int arm = 0; arm < 2; arm++) {
                int t = count == 0 ? -1 : random.nextInt(4);
                s.append("BRDA:")
                    .append(line)
                    .append(",0,")
                    .append(arm)
                    .append(',')
                    .append(t < 0 ? "-" : String.valueOf(t))
                    .append('\n');
                branches++;
                taken += t > 0 ? 1 : 0;
              }
            }
          }
        }
        s.append("BRF:")
            .append(branches)
            .append("\nBRH:")
            .append(taken)
            .append("\nLF:")
            .append(found)
            .append("\nLH:")
            .append(hit)
            .append("\nend_of_record\n");
        w.write(s.toString());
        w.flush();
      }
    }
  }

  public static void writeCobertura(Path file, long bytes) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "<?xml version=\"1.0\" ?>\n<!DOCTYPE coverage SYSTEM"
              + " \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">\n<coverage"
              + " line-rate=\"0.8\" branch-rate=\"0.5\" version=\"7.4\" timestamp=\"1\">\n"
              + "<sources><source>/build/project</source></sources>\n<packages>\n");
      for (int p = 0; Files.size(file) < bytes; p++) {
        StringBuilder s = new StringBuilder(1 << 16);
        s.append("<package name=\"pkg")
            .append(p)
            .append("\" line-rate=\"0.8\" branch-rate=\"0.5\"" + " complexity=\"0\"><classes>\n");
        for (int c = 0; c < 10; c++) {
          s.append("<class name=\"file")
              .append(c)
              .append(".py\" filename=\"pkg")
              .append(p)
              .append("/file")
              .append(c)
              .append(
                  ".py\" line-rate=\"0.8\" branch-rate=\"0.5\""
                      + " complexity=\"0\"><methods/><lines>\n");
          int lines = 200 + random.nextInt(600);
          for (int line = 1; line <= lines; line++) {
            if (random.nextInt(10) >= 6) {
              continue;
            }
            int hits = random.nextInt(10) < 8 ? 1 + random.nextInt(100) : 0;
            s.append("<line number=\"").append(line).append("\" hits=\"").append(hits).append('"');
            if (line % 10 == 0) {
              int covered = hits == 0 ? 0 : random.nextInt(3);
              s.append(" branch=\"true\" condition-coverage=\"")
                  .append(covered * 50)
                  .append("% (")
                  .append(covered)
                  .append("/2)\"");
            }
            s.append("/>\n");
          }
          s.append("</lines></class>\n");
        }
        s.append("</classes></package>\n");
        w.write(s.toString());
        w.flush();
      }
      w.write("</packages>\n</coverage>\n");
    }
  }

  /** Writes the two files to a directory, for a look or a manual run: {@code DIR MEGABYTES}. */
  public static void main(String[] args) {
    try {
      writeLcov(Path.of(args[0], "lcov.info"), Long.parseLong(args[1]) * 1_000_000L);
      writeCobertura(Path.of(args[0], "coverage.xml"), Long.parseLong(args[1]) * 1_000_000L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
