package dev.dxexporter.ingest.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.http.Exchange;
import dev.dxexporter.http.RouteHandler;
import dev.dxexporter.ingest.BuildRunJson;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/builds?project=P}: one recorded build as JSON ({@link BuildRunJson}),
 * answered once it is durable: 201 stored, 200 duplicate (same {@code Idempotency-Key}, or the same
 * body), 400 naming the wrong field, 404 for a project without {@code builds:}, 413 over 64 KiB,
 * 503 when the store cannot be written.
 */
public final class BuildPushHandler implements RouteHandler {
  private static final Logger log = LoggerFactory.getLogger(BuildPushHandler.class);

  /** Built on first use, not when the routes are wired: Jackson stays off the start-up path. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  static final int MAX_BODY_BYTES = 64 * 1024;

  /** A project that takes builds, and how to ask its collector to show a new one. */
  public record Target(String project, Runnable refresh) {}

  private final Function<String, Optional<Target>> targets;
  private final Supplier<Store> store;
  private final Clock clock;
  private final IngestCounters counters;

  public BuildPushHandler(
      Function<String, Optional<Target>> targets,
      Supplier<Store> store,
      Clock clock,
      IngestCounters counters) {
    this.targets = targets;
    this.store = store;
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public void handle(Exchange ex) throws IOException {
    Optional<String> project =
        ex.query("project").or(() -> ex.header("X-Dx-Project")).map(String::strip);
    if (project.isEmpty()) {
      answer(ex, 400, Map.of("status", "refused", "error", "the project parameter is required"));
      return;
    }
    Optional<Target> target = targets.apply(project.get());
    if (target.isEmpty()) {
      answer(
          ex,
          404,
          Map.of(
              "status",
              "refused",
              "error",
              "project " + project.get() + " does not collect builds (add a 'builds:' section)"));
      return;
    }
    byte[] body;
    try (InputStream in = ex.body()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      refused(ex, target.get(), 413, "a build record is at most " + MAX_BODY_BYTES + " bytes");
      return;
    }
    BuildRunJson.Body build;
    try {
      build = BuildRunJson.read(body);
    } catch (IllegalArgumentException e) {
      refused(ex, target.get(), 400, e.getMessage());
      return;
    }
    String identity =
        ex.header("Idempotency-Key")
            .map(String::strip)
            .filter(k -> !k.isEmpty() && k.length() <= 256)
            .map(k -> "key:" + k)
            .orElse("sha256:" + sha256(body));
    ReportMeta meta =
        new ReportMeta(
            target.get().project(),
            "builds",
            identity,
            build.run().name(),
            "record",
            build.branch().orElse(null),
            build.commit().orElse(null),
            build.runId().orElse(null),
            clock.instant());
    SaveOutcome outcome;
    try {
      outcome = store.get().saveBuild(meta, build.run());
    } catch (StoreUnavailableException e) {
      refused(ex, target.get(), 503, "the store is unavailable: " + e.getMessage());
      return;
    }
    boolean stored = outcome == SaveOutcome.STORED;
    counters.ingested(target.get().project(), "builds", "push", stored);
    target.get().refresh().run();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", stored ? "stored" : "duplicate");
    answer.put("project", target.get().project());
    answer.put("build", build.run().name());
    answer.put("kind", build.run().kind());
    answer.put("duration_seconds", build.run().durationSeconds());
    answer(ex, stored ? 201 : 200, answer);
  }

  private void refused(Exchange ex, Target target, int status, String error) throws IOException {
    counters.refused(target.project(), "builds", "push");
    target.refresh().run();
    log.warn("project {}: pushed build refused ({}): {}", target.project(), status, error);
    answer(ex, status, Map.of("status", "refused", "error", error));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void answer(Exchange ex, int status, Map<String, ?> body) throws IOException {
    ex.respond(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
  }
}
