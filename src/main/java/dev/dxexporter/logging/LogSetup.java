package dev.dxexporter.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/**
 * Configures logback from {@code --log.level} and {@code --log.format}: one line per event on
 * stderr.
 */
public final class LogSetup {
  private LogSetup() {}

  /**
   * @param level debug, info, warn or error
   */
  public static void configure(String level, LogFormat format) {
    Level root = Level.toLevel(level, null);
    if (root == null || !java.util.List.of("debug", "info", "warn", "error").contains(level)) {
      throw new IllegalArgumentException("--log.level must be one of debug, info, warn, error");
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    LayoutBase<ILoggingEvent> layout =
        format == LogFormat.json ? new JsonLineLayout() : new LogfmtLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    Logger rootLogger = context.getLogger(Logger.ROOT_LOGGER_NAME);
    rootLogger.addAppender(appender);
    rootLogger.setLevel(root);
    // The libraries' INFO chatter (Quartz banner, Jetty start-up lines) is noise next to ours.
    Level libraries = root.isGreaterOrEqual(Level.WARN) ? root : Level.WARN;
    for (String name : new String[] {"org.quartz", "org.eclipse.jetty", "oshi"}) {
      context.getLogger(name).setLevel(root == Level.DEBUG ? Level.INFO : libraries);
    }
  }
}
