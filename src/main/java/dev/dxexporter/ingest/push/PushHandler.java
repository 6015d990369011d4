package dev.dxexporter.ingest.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.collect.coverage.CoverageFormat;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import dev.dxexporter.http.Exchange;
import dev.dxexporter.http.RouteHandler;
import dev.dxexporter.ingest.CoverageIngester;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.ReportIdentity;
import dev.dxexporter.ingest.TestIngester;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/reports}: one report per request, a file or an archive of a reports
 * directory, answered only after the store committed it (201 stored, 200 duplicate), or with why
 * not (400 the report's own error with file and line, 404 project, 413 size, 503 store). The body
 * is spooled to a temporary file first (bounded), so its hash names it and a 1 GiB report never
 * sits in memory.
 */
public final class PushHandler implements RouteHandler {
  private static final Logger log = LoggerFactory.getLogger(PushHandler.class);

  /** Built on first use, not when the routes are wired: Jackson stays off the start-up path. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Function<String, Optional<PushTarget>> targets;
  private final Supplier<Store> store;
  private final Clock clock;
  private final IngestCounters counters;
  private final PushLimits limits;

  public PushHandler(
      Function<String, Optional<PushTarget>> targets,
      Supplier<Store> store,
      Clock clock,
      IngestCounters counters,
      PushLimits limits) {
    this.targets = targets;
    this.store = store;
    this.clock = clock;
    this.counters = counters;
    this.limits = limits;
  }

  /** This handler with another request size limit (the project's). */
  public PushHandler withLimit(long maxRequestBytes) {
    return maxRequestBytes == limits.maxRequestBytes()
        ? this
        : new PushHandler(
            targets, store, clock, counters, new PushLimits(maxRequestBytes, limits.archive()));
  }

  @Override
  public void handle(Exchange ex) throws IOException {
    PushRequest request;
    try {
      request = PushRequest.of(ex);
    } catch (IllegalArgumentException e) {
      answer(ex, 400, Map.of("status", "refused", "error", e.getMessage()));
      return;
    }
    Optional<PushTarget> target = targets.apply(request.project());
    if (target.isEmpty()) {
      answer(ex, 404, Map.of("status", "refused", "error", "no project " + request.project()));
      return;
    }
    Path work = Files.createTempDirectory("dx-push-");
    try {
      handle(ex, request, target.get(), work);
    } finally {
      delete(work);
    }
  }

  private void handle(Exchange ex, PushRequest request, PushTarget target, Path work)
      throws IOException {
    String source = "tests";
    try {
      Path body = spool(ex, work.resolve("body"));
      String hash = HexFormat.of().formatHex(ReportIdentity.hash(body));
      List<Path> files =
          ReportArchive.unpack(
              body, Files.createDirectory(work.resolve("report")), limits.archive());
      if (files.isEmpty()) {
        answer(ex, 400, Map.of("status", "refused", "error", "the archive holds no file"));
        return;
      }
      Optional<BenchmarkFormat> bench = request.format().flatMap(BenchmarkFormat::ofToolName);
      Optional<CoverageFormat> coverage =
          bench.isPresent() ? Optional.empty() : coverageFormat(request, files);
      source = bench.isPresent() ? "benchmarks" : coverage.isPresent() ? "coverage" : "tests";
      if (!target.collects(source)) {
        answer(
            ex,
            404,
            Map.of(
                "status",
                "refused",
                "error",
                "project "
                    + target.project()
                    + " does not collect "
                    + source
                    + " (add a '"
                    + source
                    + ":' section to it)"));
        return;
      }
      String identity =
          request
              .idempotencyKey()
              .map(k -> "key:" + k)
              .orElse(request.run().map(r -> "run:" + r + ":" + hash).orElse("sha256:" + hash));
      ReportMeta meta =
          new ReportMeta(
              target.project(),
              source,
              identity,
              request.report().orElse(source),
              request.format().orElse("auto"),
              request.branch().orElse(null),
              request.commit().orElse(null),
              request.run().orElse(null),
              clock.instant());
      Store s = store.get();
      Map<String, Object> answer = new LinkedHashMap<>();
      SaveOutcome outcome;
      if (bench.isPresent()) {
        outcome =
            BenchmarkPush.ingest(
                s, meta, target, bench.get(), body, work.resolve("report"), files, answer);
      } else if (coverage.isPresent()) {
        if (files.size() != 1) {
          throw new InputException(body, "a coverage report is one file, not " + files.size());
        }
        CoverageIngester.Ingested done =
            new CoverageIngester(target.maxCoverageReportBytes())
                .ingest(s, meta, files.get(0), coverage);
        outcome = done.outcome();
        if (done.report() != null) {
          answer.put("lines", done.report().lines().toString());
          answer.put("branches", done.report().branches().toString());
        }
      } else {
        TestIngester.Ingested done =
            new TestIngester(target.maxTestReportBytes()).ingest(s, meta, files, true);
        outcome = done.outcome();
        answer.put("cases", done.cases());
        answer.put("files", done.files());
      }
      boolean stored = outcome == SaveOutcome.STORED;
      counters.ingested(target.project(), source, "push", stored);
      // Counted first, then the collector asked to show it: its next samples hold both.
      target.refresh(source);
      answer.put("status", stored ? "stored" : "duplicate");
      answer.put("project", target.project());
      answer.put("source", source);
      answer.put("report", meta.reportName());
      if (stored) {
        log.info(
            "project {}: ingested pushed {} report {} ({})",
            target.project(),
            source,
            meta.reportName(),
            answer);
      }
      answer(ex, stored ? 201 : 200, answer);
    } catch (Exchange.BodyTooLargeException e) {
      refused(ex, target, source, 413, e.getMessage());
    } catch (InputException e) {
      boolean tooLarge = SizeLimitExceededException.in(e) != null;
      refused(ex, target, source, tooLarge ? 413 : 400, relative(e.getMessage(), work));
    } catch (StoreUnavailableException e) {
      refused(ex, target, source, 503, "the store is unavailable: " + e.getMessage());
    }
  }

  /** The body, decoded when gzip-encoded, on disk; bounded before and after decoding. */
  private Path spool(Exchange ex, Path file) throws IOException {
    long declared = ex.header("Content-Length").map(Long::parseLong).orElse(-1L);
    if (declared > limits.maxRequestBytes()) {
      throw new Exchange.BodyTooLargeException(limits.maxRequestBytes());
    }
    InputStream raw = BoundedFiles.bounded(ex.body(), limits.maxRequestBytes());
    boolean gzip =
        ex.header("Content-Encoding").map(v -> v.strip().equalsIgnoreCase("gzip")).orElse(false);
    try (InputStream in =
        gzip
            ? BoundedFiles.bounded(
                new GZIPInputStream(raw, 64 * 1024), limits.archive().maxUnpackedBytes())
            : raw) {
      Files.copy(in, file);
    } catch (SizeLimitExceededException e) {
      throw new Exchange.BodyTooLargeException(e.limit());
    }
    return file;
  }

  /** Coverage when the format says so or the content is a coverage format; else test results. */
  private static Optional<CoverageFormat> coverageFormat(PushRequest request, List<Path> files)
      throws IOException {
    if (request.format().isPresent()) {
      return CoverageFormat.fromName(request.format().get());
    }
    if (files.size() != 1) {
      return Optional.empty();
    }
    byte[] head = new byte[CoverageFormat.SNIFF_BYTES];
    int n;
    try (InputStream in = Files.newInputStream(files.get(0))) {
      n = in.readNBytes(head, 0, head.length);
    }
    return CoverageFormat.fromContent(head, n);
  }

  private void refused(Exchange ex, PushTarget target, String source, int status, String error)
      throws IOException {
    counters.refused(target.project(), source, "push");
    target.refresh(source);
    log.warn(
        "project {}: pushed {} report refused ({}): {}", target.project(), source, status, error);
    answer(ex, status, Map.of("status", "refused", "error", error));
  }

  /** Error messages name files inside the report, not the temporary directory. */
  private static String relative(String message, Path work) {
    return message
        .replace(work.resolve("report") + "/", "")
        .replace(work.resolve("body").toString(), "body");
  }

  private static void answer(Exchange ex, int status, Map<String, ?> body) throws IOException {
    ex.respond(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      log.warn("could not remove the push spool {}: {}", dir, e.toString());
    }
  }
}
