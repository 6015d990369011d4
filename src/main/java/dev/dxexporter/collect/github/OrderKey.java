package dev.dxexporter.collect.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@link StatusOrder} as text that sorts the same way, for a store that keeps the later of two
 * descriptions by comparing strings: rank, then times (zero-padded epoch milliseconds), then a
 * digest of the description so that two different descriptions never tie whatever their order.
 */
public final class OrderKey {
  private OrderKey() {}

  public static String of(WorkflowRun run) {
    return StatusOrder.rank(run) + ":" + millis(run.updatedAt()) + ":" + digest(run.toString());
  }

  public static String of(WorkflowJob job) {
    long done = job.steps().stream().filter(WorkflowStep::completed).count();
    long started = job.steps().stream().filter(s -> s.startedAt() != null).count();
    return StatusOrder.rank(job)
        + ":"
        + millis(job.completedAt())
        + ":"
        + millis(job.startedAt())
        + ":"
        + String.format("%05d:%05d", done, started)
        + ":"
        + digest(job.toString());
  }

  private static String millis(Instant at) {
    return at == null ? "000000000000000" : String.format("%015d", Math.max(0, at.toEpochMilli()));
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
