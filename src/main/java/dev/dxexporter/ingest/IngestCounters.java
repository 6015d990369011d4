package dev.dxexporter.ingest;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of reports ingested (stored, duplicate) and refused, by project, source and way in (a file
 * found on disk or a push), since the daemon started. Shared by the collectors that scan and the
 * push endpoint; each source's collector exports its own project's counts.
 */
public final class IngestCounters {
  static final MetricFamily INGESTED =
      MetricFamily.counter(
          "dx_reports_ingested_total",
          "Reports taken in since the exporter started, by way in (file, push) and outcome"
              + " (stored, duplicate: the same identity was already stored).");
  static final MetricFamily REFUSED =
      MetricFamily.counter(
          "dx_reports_refused_total",
          "Reports that could not be taken in (malformed, too large, store unavailable), by way"
              + " in; the log names the file and line.");

  private record Key(String project, String source, String via, String outcome) {}

  private final Map<Key, AtomicLong> ingested = new ConcurrentHashMap<>();
  private final Map<Key, AtomicLong> refused = new ConcurrentHashMap<>();

  public void ingested(String project, String source, String via, boolean stored) {
    ingested
        .computeIfAbsent(
            new Key(project, source, via, stored ? "stored" : "duplicate"), k -> new AtomicLong())
        .incrementAndGet();
  }

  public void refused(String project, String source, String via) {
    refused
        .computeIfAbsent(new Key(project, source, via, ""), k -> new AtomicLong())
        .incrementAndGet();
  }

  /** The counters of one project and source, each way in present from the start at 0. */
  List<Sample> samples(String project, String source) {
    List<Sample> out = new ArrayList<>();
    for (String via : List.of("file", "push")) {
      for (String outcome : List.of("stored", "duplicate")) {
        AtomicLong n = ingested.get(new Key(project, source, via, outcome));
        out.add(
            Sample.of(
                INGESTED,
                n == null ? 0 : n.get(),
                "project",
                project,
                "source",
                source,
                "via",
                via,
                "outcome",
                outcome));
      }
      AtomicLong r = refused.get(new Key(project, source, via, ""));
      out.add(
          Sample.of(
              REFUSED, r == null ? 0 : r.get(), "project", project, "source", source, "via", via));
    }
    return out;
  }
}
