package dev.dxexporter.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;

/** {@code ts=... level=info logger=... msg="..."}, like Prometheus' own logfmt output. */
final class LogfmtLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent e) {
    StringBuilder b = new StringBuilder(160);
    b.append("ts=").append(Instant.ofEpochMilli(e.getTimeStamp()));
    b.append(" level=").append(e.getLevel().toString().toLowerCase(java.util.Locale.ROOT));
    b.append(" logger=").append(shortName(e.getLoggerName()));
    b.append(" msg=").append(quote(e.getFormattedMessage()));
    IThrowableProxy t = e.getThrowableProxy();
    if (t != null) {
      b.append(" err=").append(quote(ThrowableProxyUtil.asString(t)));
    }
    return b.append('\n').toString();
  }

  static String shortName(String logger) {
    int dot = logger.lastIndexOf('.');
    return dot < 0 ? logger : logger.substring(dot + 1);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          // A file name with an escape sequence or a bell must not reach a terminal raw: every
          // other control character (C0, DEL, C1) and the line/paragraph separators as \\uXXXX,
          // as the JSON layout writes them.
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
