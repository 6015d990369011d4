package dev.dxexporter.store;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to this build's version with Flyway. On a database already at it, Flyway only
 * validates (no write). A database with migrations this build does not know (written by a newer
 * dx-exporter) is refused: Flyway's default would ignore such "future" migrations and then run
 * queries against a schema it cannot vouch for.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  static void migrate(Dialect dialect) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dialect.migrationDataSource())
            .locations(dialect.migrationLocation())
            .failOnMissingLocations(true)
            .ignoreMigrationPatterns(new String[0])
            .cleanDisabled(true)
            .loggers(QuietFlywayLog.class.getName())
            .load();
    MigrateResult result;
    try {
      result = flyway.migrate();
    } catch (FlywayException e) {
      throw refusal(dialect, flyway, e);
    }
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "store {}: schema migrated from {} to {}",
          dialect.where(),
          result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion,
          result.targetSchemaVersion);
    }
  }

  private static StoreUnavailableException refusal(
      Dialect dialect, Flyway flyway, FlywayException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return dialect.unavailable("opening the store (schema migration)", sql);
      }
    }
    String future = futureVersions(flyway);
    if (!future.isEmpty()) {
      return new StoreUnavailableException(
          "store "
              + dialect.where()
              + " has schema version "
              + future
              + ", newer than this dx-exporter knows: it was written by a newer version;"
              + " run that version, or point this one at another data directory",
          e);
    }
    return new StoreUnavailableException(
        "store " + dialect.where() + ": schema migration failed: " + e.getMessage(), e);
  }

  private static String futureVersions(Flyway flyway) {
    try {
      return Arrays.stream(flyway.info().applied())
          .filter(m -> m.getState().name().startsWith("FUTURE"))
          .map(MigrationInfo::getVersion)
          .map(String::valueOf)
          .collect(Collectors.joining(", "));
    } catch (FlywayException ignored) {
      return "";
    }
  }
}
