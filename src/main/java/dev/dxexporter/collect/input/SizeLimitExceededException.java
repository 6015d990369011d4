package dev.dxexporter.collect.input;

import java.io.IOException;

/**
 * Thrown by a {@link BoundedFiles#bounded bounded stream} when more than its limit was read. An
 * {@link IOException} so that it passes through parsers that wrap their input's failures; callers
 * find it with {@link #in(Throwable)} and answer "too large" (HTTP 413, a skipped file) rather than
 * "malformed".
 */
public final class SizeLimitExceededException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  public SizeLimitExceededException(long limit) {
    super("larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  /** The size-limit failure somewhere in {@code e}'s cause chain, or null. */
  public static SizeLimitExceededException in(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 32; depth++) {
      if (t instanceof SizeLimitExceededException s) {
        return s;
      }
      // The JDK's StAX keeps its input's IOException as the "nested" exception, not the cause.
      Throwable next = t.getCause();
      if (next == null && t instanceof javax.xml.stream.XMLStreamException x) {
        next = x.getNestedException();
      }
      t = next;
    }
    return null;
  }
}
