package dev.dxexporter.ingest;

import dev.dxexporter.collect.coverage.CoverageCount;
import dev.dxexporter.collect.coverage.CoverageFormat;
import dev.dxexporter.collect.coverage.CoverageReaders;
import dev.dxexporter.collect.coverage.CoverageReport;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.store.CoverageKind;
import dev.dxexporter.store.CoveragePoint;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A coverage report (Cobertura, LCOV, JaCoCo) into the store: line and branch covered/total. */
public final class CoverageIngester {
  /** The outcome of one ingestion. */
  public record Ingested(SaveOutcome outcome, CoverageReport report) {}

  private final BoundedFiles files;
  private final CoverageReaders readers = new CoverageReaders();

  public CoverageIngester(long maxBytes) {
    this.files = new BoundedFiles(maxBytes);
  }

  /**
   * Reads {@code file} (format detected from content when empty) and stores it under {@code meta}.
   */
  public Ingested ingest(Store store, ReportMeta meta, Path file, Optional<CoverageFormat> format)
      throws InputException {
    if (store.findReport(meta.project(), meta.source(), meta.identity()).isPresent()) {
      return new Ingested(SaveOutcome.DUPLICATE, null);
    }
    CoverageReport report = readers.read(files, file, format);
    ReportMeta withFormat =
        new ReportMeta(
            meta.project(),
            meta.source(),
            meta.identity(),
            meta.reportName(),
            report.format().id(),
            meta.branch(),
            meta.commit(),
            meta.runId(),
            meta.receivedAt());
    SaveOutcome outcome =
        store.saveCoverageReport(
            withFormat,
            List.of(
                point(CoverageKind.LINE, report.lines()),
                point(CoverageKind.BRANCH, report.branches())));
    return new Ingested(outcome, report);
  }

  private static CoveragePoint point(CoverageKind kind, CoverageCount c) {
    return new CoveragePoint(kind, c.covered(), c.total());
  }
}
