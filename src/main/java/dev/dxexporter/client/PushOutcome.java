package dev.dxexporter.client;

/**
 * What became of one report.
 *
 * @param status the last HTTP status, 0 when no answer came
 * @param message the server's answer (its JSON) or why there was none
 * @param attempts how many requests were sent
 */
public record PushOutcome(Result result, int status, String message, int attempts) {

  /** The outcomes, with the exit code each gives {@code dx-exporter push}. */
  public enum Result {
    /** 201: stored now. */
    STORED(0),
    /** 200: stored before (same run or idempotency key, or same bytes). */
    DUPLICATE(0),
    /** 4xx but 401/403: the report is broken, too large, or the project does not take it. */
    REFUSED(1),
    /** 401/403: the token is missing or wrong. */
    UNAUTHORIZED(3),
    /** No answer, or 429/5xx, after every retry: the report may be sent again later. */
    UNAVAILABLE(4);

    private final int exitCode;

    Result(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }
}
