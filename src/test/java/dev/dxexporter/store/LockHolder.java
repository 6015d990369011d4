package dev.dxexporter.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Another process holding the database's write lock: {@code BEGIN EXCLUSIVE} on the file given as
 * the argument, "locked" on stdout, then waits for stdin to close and rolls back.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        Statement s = c.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      s.execute("DELETE FROM test_case"); // a pending write the store must never see
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the parent closes our stdin
      }
      s.execute("ROLLBACK");
    }
  }
}
