package dev.dxexporter.ingest;

import java.util.List;

/** A configured report: its name (the {@code report} label) and the file patterns it reads. */
public record ReportSpec(String name, List<String> patterns) {
  public ReportSpec {
    patterns = List.copyOf(patterns);
  }
}
