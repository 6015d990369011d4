package dev.dxexporter.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxexporter.store.BuildRun;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wire form of one recorded build ({@code POST /api/v1/builds}, {@code dx-exporter record
 * --push}): {@code build}, {@code kind}, {@code started} (RFC 3339), {@code duration_seconds},
 * {@code exit_code}, {@code signal}, {@code peak_rss_bytes}, {@code cpu_user_seconds}, {@code
 * cpu_system_seconds}, {@code peak_processes}, and optional {@code branch}, {@code commit}, {@code
 * run}. Every number is checked before it becomes a sample.
 */
public final class BuildRunJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A parsed body: the run and where it came from. */
  public record Body(
      BuildRun run, Optional<String> branch, Optional<String> commit, Optional<String> runId) {}

  private BuildRunJson() {}

  public static byte[] write(
      BuildRun r, Optional<String> branch, Optional<String> commit, Optional<String> run) {
    ObjectNode o = JSON.createObjectNode();
    o.put("build", r.name());
    o.put("kind", r.kind());
    o.put("started", r.started().toString());
    o.put("duration_seconds", r.durationSeconds());
    o.put("exit_code", r.exitCode());
    o.put("signal", r.signal());
    o.put("peak_rss_bytes", r.peakRssBytes());
    o.put("cpu_user_seconds", r.cpuUserSeconds());
    o.put("cpu_system_seconds", r.cpuSystemSeconds());
    o.put("peak_processes", r.peakProcesses());
    branch.ifPresent(v -> o.put("branch", v));
    commit.ifPresent(v -> o.put("commit", v));
    run.ifPresent(v -> o.put("run", v));
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The body's build; an {@link IllegalArgumentException} naming the field when it is wrong. */
  public static Body read(byte[] body) {
    JsonNode o;
    try {
      o = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not readable JSON: " + e.getMessage());
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    Instant started;
    try {
      started = Instant.parse(text(o, "started"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("started: not an RFC 3339 UTC time: " + o.get("started"));
    }
    try {
      BuildRun run =
          new BuildRun(
              text(o, "build"),
              text(o, "kind"),
              started,
              number(o, "duration_seconds"),
              (int) whole(o, "exit_code", 255),
              (int) whole(o, "signal", 64),
              whole(o, "peak_rss_bytes", Long.MAX_VALUE),
              number(o, "cpu_user_seconds"),
              number(o, "cpu_system_seconds"),
              (int) whole(o, "peak_processes", Integer.MAX_VALUE));
      return new Body(run, optional(o, "branch"), optional(o, "commit"), optional(o, "run"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(field + ": a non-empty string is required");
    }
    return v.asText();
  }

  private static Optional<String> optional(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(text(o, field));
  }

  private static double number(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
      throw new IllegalArgumentException(field + ": a finite number of at least 0 is required");
    }
    return v.asDouble();
  }

  private static long whole(JsonNode o, String field, long max) {
    JsonNode v = o.get(field);
    if (v == null || !v.canConvertToExactIntegral() || v.asLong() < 0 || v.asLong() > max) {
      throw new IllegalArgumentException(
          field + ": a whole number from 0 to " + max + " is required");
    }
    return v.asLong();
  }
}
