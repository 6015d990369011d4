package dev.dxexporter.store;

import java.time.Instant;
import java.util.List;

/**
 * What one webhook delivery or one poll brings, applied in one transaction.
 *
 * @param deliveryId the {@code X-GitHub-Delivery} id; a batch whose id was applied before changes
 *     nothing. Null for a poll
 * @param event the webhook event name (or {@code poll})
 */
public record CiBatch(
    String deliveryId, String event, Instant receivedAt, List<CiRun> runs, List<CiJob> jobs) {
  public CiBatch {
    runs = List.copyOf(runs);
    jobs = List.copyOf(jobs);
  }
}
