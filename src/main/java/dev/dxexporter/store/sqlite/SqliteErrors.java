package dev.dxexporter.store.sqlite;

import dev.dxexporter.store.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite result codes, read as what went wrong and where. */
final class SqliteErrors {
  static final int BUSY = 5;
  static final int LOCKED = 6;
  static final int READONLY = 8;
  static final int IOERR = 10;
  static final int CORRUPT = 11;
  static final int FULL = 13;
  static final int CANTOPEN = 14;
  static final int NOTADB = 26;
  static final int PERM = 3;

  /** xerial puts the code name in brackets when it throws a plain SQLException. */
  private static final Pattern CODE_IN_MESSAGE = Pattern.compile("\\[(SQLITE_[A-Z_]+)\\]");

  private SqliteErrors() {}

  /** The extended result code, or -1 when none can be found. */
  static int extendedCode(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s) {
        return s.getResultCode().code;
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        int next = extendedCode(sql.getNextException());
        if (next >= 0) {
          return next;
        }
      }
      if (t.getMessage() != null) {
        Matcher m = CODE_IN_MESSAGE.matcher(t.getMessage());
        if (m.find()) {
          try {
            return SQLiteErrorCode.valueOf(m.group(1)).code;
          } catch (IllegalArgumentException unknown) {
            // not a name xerial knows; keep looking
          }
        }
      }
    }
    return -1;
  }

  static int primaryCode(SQLException e) {
    int code = extendedCode(e);
    return code < 0 ? -1 : code & 0xff;
  }

  static StoreUnavailableException describe(
      Path directory, Path file, Duration lockTimeout, String action, SQLException e) {
    String reason =
        switch (primaryCode(e)) {
          case FULL -> "disk full: cannot write " + file + " (the file system is full)";
          case READONLY -> "data directory " + directory + " is read-only: cannot write " + file;
          case BUSY, LOCKED ->
              "database "
                  + file
                  + " is locked by another process or connection (waited "
                  + lockTimeout.toMillis()
                  + " ms)";
          case CANTOPEN ->
              "cannot open database "
                  + file
                  + ": data directory "
                  + directory
                  + " is missing, not a directory, or not writable";
          case PERM -> "no permission to use database " + file;
          case IOERR -> "I/O error on database " + file + " (" + codeName(e) + ")";
          case CORRUPT, NOTADB -> "database " + file + " is damaged or not an SQLite database";
          default -> "database " + file + " failed: " + e.getMessage();
        };
    return new StoreUnavailableException(reason + "; " + action + " failed", e);
  }

  private static String codeName(SQLException e) {
    SQLiteErrorCode code = SQLiteErrorCode.getErrorCode(extendedCode(e));
    return code == null ? "unknown" : code.name();
  }
}
