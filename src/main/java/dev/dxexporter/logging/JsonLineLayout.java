package dev.dxexporter.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object per line: {@code {"ts":..., "level":..., "logger":..., "msg":...}}. */
final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
  private final ObjectMapper json = new ObjectMapper();

  @Override
  public String doLayout(ILoggingEvent e) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("ts", Instant.ofEpochMilli(e.getTimeStamp()).toString());
    line.put("level", e.getLevel().toString().toLowerCase(java.util.Locale.ROOT));
    line.put("logger", LogfmtLayout.shortName(e.getLoggerName()));
    line.put("msg", e.getFormattedMessage());
    IThrowableProxy t = e.getThrowableProxy();
    if (t != null) {
      line.put("err", ThrowableProxyUtil.asString(t));
    }
    try {
      return json.writeValueAsString(line) + "\n";
    } catch (JsonProcessingException ex) {
      return "{\"level\":\"error\",\"msg\":\"unloggable event\"}\n";
    }
  }
}
