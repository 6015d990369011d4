package dev.dxexporter.store.sqlite;

import dev.dxexporter.store.Dialect;
import dev.dxexporter.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * SQLite in one file, {@value #FILE_NAME}, under the data directory, in WAL mode: readers see a
 * snapshot and never wait for the writer; a writer's transaction begins IMMEDIATE, taking the write
 * lock up front.
 *
 * <p>{@code synchronous=FULL}: every commit is fsync'ed before the save returns. Under WAL, NORMAL
 * would already survive {@code kill -9} (the commit is in the WAL file, i.e. in the kernel's page
 * cache, when the call returns; only the fsync is deferred to checkpoints), but not a power loss or
 * kernel crash, which would silently drop acknowledged reports. The cost of FULL is one fsync per
 * report saved, small next to the inserts of a report, so "acknowledged" means durable on disk, not
 * just handed to the OS.
 */
public final class SqliteDialect implements Dialect {
  public static final String FILE_NAME = "dx-exporter.db";

  /** The WAL is truncated back to this after a checkpoint, after a 1M-case save grew it. */
  private static final int JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

  /** Page cache of the writer connection (native memory, used only as far as a save needs). */
  private static final int WRITER_CACHE_KIB = 16 * 1024;

  private final Path directory;
  private final Path file;
  private final Duration lockTimeout;

  public SqliteDialect(Path dataDirectory, Duration lockTimeout) {
    this.directory = dataDirectory.toAbsolutePath().normalize();
    this.file = directory.resolve(FILE_NAME);
    this.lockTimeout = lockTimeout;
  }

  public Path file() {
    return file;
  }

  @Override
  public void prepare() {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "cannot create data directory " + directory + ": " + e, e);
    }
    if (!Files.isDirectory(directory)) {
      throw new StoreUnavailableException("data directory " + directory + " is not a directory");
    }
  }

  private String url() {
    return "jdbc:sqlite:" + file;
  }

  private SQLiteConfig config(boolean writer) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, lockTimeout.toMillis()));
    config.setJournalSizeLimit(JOURNAL_SIZE_LIMIT_BYTES);
    if (writer) {
      // Inserting 1,000,000 cases updates the (report_id, seconds) index at random places inside
      // the report's range; with the default 2 MB page cache those pages are evicted and re-read.
      config.setCacheSize(-WRITER_CACHE_KIB);
    }
    config.setTransactionMode(
        writer ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
    return config;
  }

  @Override
  public Connection open(boolean writer) throws SQLException {
    return config(writer).createConnection(url());
  }

  @Override
  public DataSource migrationDataSource() {
    // DEFERRED: on a database at the current version Flyway only reads, and so opens even while
    // another process holds the write lock; a real migration takes the lock at its first write.
    SQLiteDataSource ds = new SQLiteDataSource(config(false));
    ds.setUrl(url());
    return ds;
  }

  @Override
  public String migrationLocation() {
    return "classpath:db/migration/sqlite";
  }

  @Override
  public String where() {
    return file.toString();
  }

  @Override
  public StoreUnavailableException unavailable(String action, SQLException cause) {
    return SqliteErrors.describe(directory, file, lockTimeout, action, cause);
  }

  @Override
  public long sizeOnDiskBytes() {
    long bytes = 0;
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      try {
        bytes += Files.size(directory.resolve(FILE_NAME + suffix));
      } catch (IOException absent) {
        // no WAL or SHM file between sessions is normal
      }
    }
    return bytes;
  }

  /**
   * A 1,000,000-case save leaves a WAL as large as its data (~100 MB) until the next write; a
   * TRUNCATE checkpoint copies it into the database and empties it. With readers active it
   * checkpoints what it can and leaves the rest to the automatic checkpoints.
   */
  @Override
  public void afterLargeWrite(Connection writer) throws SQLException {
    try (Statement s = writer.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    int code = SqliteErrors.extendedCode(e);
    return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE.code
        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY.code;
  }
}
