package dev.dxexporter.store.sqlite;

import dev.dxexporter.store.JdbcStore;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import java.nio.file.Path;

/** Opens the embedded store: {@code <dataDirectory>/dx-exporter.db}, created when missing. */
public final class SqliteStore {
  private SqliteStore() {}

  /**
   * Creates the directory if needed, migrates the schema and opens the store. Throws {@code
   * StoreUnavailableException} when the directory or database cannot be used.
   */
  public static Store open(Path dataDirectory, StoreSettings settings) {
    return JdbcStore.open(new SqliteDialect(dataDirectory, settings.lockTimeout()), settings);
  }
}
