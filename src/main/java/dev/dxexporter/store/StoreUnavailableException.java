package dev.dxexporter.store;

/**
 * The store cannot do what was asked right now: disk full, data directory read-only or missing,
 * database locked by another process, schema from a newer version, I/O error. The message says what
 * and where ("data directory /x is read-only: …"). Nothing already stored is lost; the store object
 * stays usable and the same call succeeds once the condition clears. An HTTP front maps it to 503.
 */
public class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}
