package dev.dxexporter.collect.tests.bench;

import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SecureXml;
import dev.dxexporter.collect.tests.JUnitReportParser;
import dev.dxexporter.collect.tests.LargeReport;
import dev.dxexporter.collect.tests.ReportFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JUnit reader beside a bare StAX pass (the same hardened factory, {@code next()} to the end,
 * nothing read: the limit a StAX reader can reach) over the same generated Surefire-style report,
 * held in memory so the disk is not measured. MB/s = {@code megabytes} / the time per operation
 * (the setup prints the exact size). One thread: the figure is per core.
 *
 * <pre>
 * mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main JUnitParseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class JUnitParseBenchmark {
  @Param("100")
  public int megabytes;

  private byte[] report;
  private final SecureXml xml = new SecureXml();
  private final JUnitReportParser parser = new JUnitReportParser(xml);
  private final Path name = Path.of("TEST-large.xml");

  @Setup
  public void generate() throws IOException {
    Path file = Files.createTempFile("junit-bench", ".xml");
    try {
      LargeReport.Written written = LargeReport.write(file, megabytes * 1_000_000L);
      report = Files.readAllBytes(file);
      System.out.println("report: " + written.bytes() + " bytes, " + written.counts());
    } finally {
      Files.delete(file);
    }
  }

  @Benchmark
  public ReportFile junitReader(Blackhole cases) throws InputException {
    return parser.parse(new ByteArrayInputStream(report), name, cases::consume);
  }

  @Benchmark
  public int bareStax() throws InputException, XMLStreamException {
    XMLStreamReader reader = xml.open(new ByteArrayInputStream(report), name);
    int events = 0;
    while (reader.hasNext()) {
      events += reader.next();
    }
    reader.close();
    return events;
  }
}
