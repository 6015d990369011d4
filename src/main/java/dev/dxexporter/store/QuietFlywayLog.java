package dev.dxexporter.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log, sent to SLF4J with its INFO chatter ("Successfully validated 1 migration", "Schema
 * is up to date") at DEBUG, so a daemon start logs nothing from Flyway at INFO. Warnings and errors
 * keep their level. Flyway instantiates it by class name (see {@code Migrations}), hence public.
 */
public final class QuietFlywayLog implements LogCreator {
  @Override
  public Log createLogger(Class<?> clazz) {
    Logger logger = LoggerFactory.getLogger(clazz);
    return new Log() {
      @Override
      public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
      }

      @Override
      public void debug(String message) {
        logger.debug(message);
      }

      @Override
      public void info(String message) {
        logger.debug(message);
      }

      @Override
      public void warn(String message) {
        logger.warn(message);
      }

      @Override
      public void error(String message) {
        logger.error(message);
      }

      @Override
      public void error(String message, Exception e) {
        logger.error(message, e);
      }

      @Override
      public void notice(String message) {
        logger.debug(message);
      }
    };
  }
}
