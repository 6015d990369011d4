package dev.dxexporter.ingest.ci;

import java.util.List;

/**
 * A project that takes GitHub webhooks: its settings, the secrets a delivery may be signed with
 * (more than one while a secret is rotated), and how to ask its collector to show what was stored.
 */
public record CiTarget(
    String project, CiSettings settings, List<byte[]> secrets, Runnable refresh) {
  public CiTarget {
    secrets = List.copyOf(secrets);
  }
}
