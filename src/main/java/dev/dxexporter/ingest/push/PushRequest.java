package dev.dxexporter.ingest.push;

import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.http.Exchange;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parameters of {@code POST /api/v1/reports}, each from the query or, for proxies that drop
 * queries, the matching {@code X-Dx-*} header. Values become labels (report) or stored fields, so
 * they are checked here.
 */
record PushRequest(
    String project,
    Optional<String> report,
    Optional<String> branch,
    Optional<String> commit,
    Optional<String> run,
    Optional<String> format,
    Optional<String> idempotencyKey) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
  private static final int MAX_VALUE = 512;

  /** The request's parameters; an error message for 400 when one is missing or malformed. */
  static PushRequest of(Exchange ex) throws IllegalArgumentException {
    String project =
        param(ex, "project", "X-Dx-Project")
            .orElseThrow(() -> new IllegalArgumentException("the project parameter is required"));
    Optional<String> report = param(ex, "report", "X-Dx-Report");
    if (report.isPresent() && !NAME.matcher(report.get()).matches()) {
      throw new IllegalArgumentException(
          "report must be letters, digits and . _ : / - (at most 128): " + report.get());
    }
    Optional<String> format =
        param(ex, "format", "X-Dx-Format").map(f -> f.toLowerCase(Locale.ROOT));
    if (format.isPresent()
        && !format.get().matches("auto|junit|cobertura|lcov|jacoco")
        && BenchmarkFormat.ofToolName(format.get()).isEmpty()) {
      throw new IllegalArgumentException(
          "format must be junit, cobertura, lcov, jacoco, auto or a benchmark format ("
              + Arrays.stream(BenchmarkFormat.values())
                  .map(f -> f.toolName().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", "))
              + "): "
              + format.get());
    }
    return new PushRequest(
        project,
        report,
        param(ex, "branch", "X-Dx-Branch"),
        param(ex, "commit", "X-Dx-Commit"),
        param(ex, "run", "X-Dx-Run"),
        format.filter(f -> !f.equals("auto")),
        ex.header("Idempotency-Key")
            .map(String::strip)
            .filter(k -> !k.isEmpty())
            .map(PushRequest::checked));
  }

  /** The project a request names (for the token check, before the body is read). */
  static Optional<String> projectOf(Exchange ex) {
    return param(ex, "project", "X-Dx-Project");
  }

  private static Optional<String> param(Exchange ex, String query, String header) {
    return ex.query(query)
        .or(() -> ex.header(header))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .map(PushRequest::checked);
  }

  private static String checked(String v) {
    if (v.length() > MAX_VALUE || v.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException(
          "a parameter is over " + MAX_VALUE + " characters or has control characters");
    }
    return v;
  }
}
