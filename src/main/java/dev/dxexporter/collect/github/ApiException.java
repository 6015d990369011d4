package dev.dxexporter.collect.github;

import java.time.Instant;

/** A GitHub request that did not give a usable answer, and what to do about it. */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Kind {
    /** 401: the token is bad or expired; nothing is sent with it until it changes. */
    UNAUTHORIZED,
    /** 403 without a rate limit: the token may not read this repository (permissions). */
    FORBIDDEN,
    /** 404: no such repository, run or artifact, or no access to a private repository. */
    NOT_FOUND,
    /** 410: the artifact expired. */
    GONE,
    /** Primary or secondary rate limit, longer than the client waits inline; see retryAt. */
    RATE_LIMITED,
    /** The shared request budget is empty; see retryAt. */
    BUDGET_EXHAUSTED,
    /** 5xx after every retry. */
    SERVER_ERROR,
    /** No response after every retry. */
    NETWORK,
    /** Another 4xx, an unexpected redirect, or a body that is not what was asked for. */
    BAD_RESPONSE
  }

  private final Kind kind;
  private final int status;
  private final transient Instant retryAt;

  ApiException(Kind kind, int status, String message, Instant retryAt, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.retryAt = retryAt;
  }

  ApiException(Kind kind, int status, String message) {
    this(kind, status, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 when there was no response. */
  public int status() {
    return status;
  }

  /** When trying again makes sense, null when unknown. */
  public Instant retryAt() {
    return retryAt;
  }
}
