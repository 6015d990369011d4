package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Everything about one database product that the store's standard SQL does not say: how to open a
 * configured connection, where its migrations live, how its errors read, how big it is on disk. The
 * SQLite one is {@code store.sqlite.SqliteDialect}; a PostgreSQL one needs only this interface and
 * a {@code db/migration/postgresql} folder.
 */
public interface Dialect {

  /** Creates what the database needs before the first connection (e.g. the data directory). */
  void prepare();

  /**
   * A new connection in auto-commit mode. A writer's transactions take the write lock when they
   * begin (so two writers never deadlock on a lock upgrade); a reader's see one snapshot.
   */
  Connection open(boolean writer) throws SQLException;

  /** A data source for Flyway, configured like {@link #open}. */
  DataSource migrationDataSource();

  /** Flyway location of this dialect's migrations, e.g. {@code classpath:db/migration/sqlite}. */
  String migrationLocation();

  /** Where the database is, for messages: a file path or a URL without credentials. */
  String where();

  /** The reason an operation failed, in words a person can act on ("… is read-only"). */
  StoreUnavailableException unavailable(String action, SQLException cause);

  /** Bytes the database takes on disk, 0 when unknown. */
  long sizeOnDiskBytes();

  /**
   * Runs on the writer, outside any transaction, after a save of many rows: lets the database give
   * back the log space that save took (SQLite: checkpoint and truncate the WAL). Default: nothing.
   */
  default void afterLargeWrite(Connection writer) throws SQLException {}

  /** Whether the failure was a uniqueness violation (a concurrent save of the same identity). */
  boolean isUniqueViolation(SQLException e);
}
