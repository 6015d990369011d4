package dev.dxexporter.metrics;

import java.util.Objects;

/** One collector instance: the project it serves and its name, e.g. {@code cache:target}. */
public record CollectorId(String project, String collector) {
  public CollectorId {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(collector, "collector");
  }

  @Override
  public String toString() {
    return project + "/" + collector;
  }
}
