package dev.dxexporter.collect.github;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the webhook path (verify + parse + dedupe), of one reducer step, and of streaming an
 * artifact zip (and of refusing a bomb). Run: {@code java -cp
 * target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main GitHubBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GitHubBenchmark {
  private static final byte[] SECRET = "benchmark-secret".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

  private WebhookIntake intake;
  private WebhookRequest delivery;
  private WorkflowJob completedJob;
  private WorkflowJob lateJob;
  private WorkflowJob state;
  private ArtifactReader reader;
  private byte[] reportsZip;
  private byte[] bigReportZip;
  private byte[] bomb;

  @Setup
  public void setUp() throws Exception {
    byte[] body =
        GitHubFixtures.bytes(
            GitHubFixtures.PAYLOADS
                + "workflow_job/completed.failure.with-organization.payload.json");
    intake =
        new WebhookIntake(new WebhookSignature(List.of(SECRET)), new WebhookParser(), id -> true);
    delivery =
        new WebhookRequest(
            "workflow_job",
            "72d3162e-cc78-11e3-81ab-4c9367dc0958",
            WebhookSignatureTest.sign(SECRET, body),
            "application/json",
            body);
    completedJob = Events.job("completed.failure.with-organization.payload.json");
    lateJob = Events.job("in_progress.payload.json");
    state = RunReducer.apply(null, completedJob, NOW).state();
    reader = new ArtifactReader(ZipLimits.defaults());
    reportsZip = ArtifactReaderTest.reports();
    byte[] nextest = GitHubFixtures.bytes(ArtifactReaderTest.NEXTEST);
    StringBuilder big = new StringBuilder();
    while (big.length() < 8 << 20) {
      big.append(new String(nextest, StandardCharsets.UTF_8));
    }
    bigReportZip =
        Zips.of(Map.of("big-junit.xml", big.toString().getBytes(StandardCharsets.UTF_8)));
    bomb = Zips.bomb("junit.xml", 256L << 20);
  }

  @Benchmark
  public WebhookOutcome webhookVerifyParse() {
    return intake.receive(delivery);
  }

  @Benchmark
  public Applied<WorkflowJob> reduceLateJobEvent() {
    return RunReducer.apply(state, lateJob, NOW);
  }

  @Benchmark
  public Applied<WorkflowJob> reduceNewJob() {
    return RunReducer.apply(null, completedJob, NOW);
  }

  @Benchmark
  public ArtifactReader.Summary readSmallArtifact() throws Exception {
    return reader.read(new ByteArrayInputStream(reportsZip), Path.of("a"), (n, in) -> drain(in));
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ArtifactReader.Summary readEightMegabyteReport() throws Exception {
    return reader.read(new ByteArrayInputStream(bigReportZip), Path.of("a"), (n, in) -> drain(in));
  }

  @Benchmark
  public String refuseBomb() {
    try {
      reader.read(new ByteArrayInputStream(bomb), Path.of("a"), (n, in) -> drain(in));
      throw new IllegalStateException("not refused");
    } catch (dev.dxexporter.collect.input.InputException e) {
      return e.getMessage();
    }
  }

  private static void drain(java.io.InputStream in) throws java.io.IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }
}
