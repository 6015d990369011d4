package dev.dxexporter.http;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs refused basic-auth attempts (user name and remote address, never the password), at most one
 * line per interval: a flood of wrong passwords must not become a flood of log lines. The first
 * refusal after a quiet interval is logged at once; the next line counts those left out.
 */
final class FailedLoginLog {
  private static final int MAX_USER_LENGTH = 64;

  private final Logger log;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private long nextLineAt;
  private boolean logged;
  private long suppressed;

  FailedLoginLog(Logger log, LongSupplier nanoTime, java.time.Duration interval) {
    this.log = log;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
  }

  /** One refused attempt; {@code reason} says why (wrong password, unknown user, busy). */
  void refused(String user, String remoteAddress, String reason) {
    long left;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (logged && now - nextLineAt < 0) {
        suppressed++;
        return;
      }
      logged = true;
      nextLineAt = now + intervalNanos;
      left = suppressed;
      suppressed = 0;
    }
    log.warn(
        "basic auth refused: {} user={} remote={}{}",
        reason,
        user.length() > MAX_USER_LENGTH ? user.substring(0, MAX_USER_LENGTH) + "..." : user,
        remoteAddress,
        left == 0 ? "" : " (" + left + " more refused since the last line)");
  }
}
