package dev.dxexporter.http;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Checks HTTP basic auth credentials against bcrypt hashes, as exporter-toolkit does: an unknown
 * user is compared against a fixed fake hash (so timing does not reveal which users exist), bcrypt
 * runs one comparison at a time (it is CPU-bound by design), and results are cached per (user,
 * hash, password) so that a scrape every few seconds does not pay bcrypt's cost each time.
 */
final class BasicAuth {
  /** exporter-toolkit's fixed hash for unknown users (web/handler.go): bcrypt of "fakepassword". */
  static final String FAKE_HASH = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

  private static final int CACHE_SIZE = 100;

  /** A user name and password from an Authorization header. */
  record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + "]"; // never the password
    }
  }

  private record CacheKey(String user, String hash, String passwordDigest) {}

  private final Map<String, String> users;
  private final BiPredicate<String, String> bcrypt;
  private final Object bcryptLock = new Object();
  private final Map<CacheKey, Boolean> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Boolean> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /** {@code users}: user name to bcrypt hash, already validated by the loader. */
  BasicAuth(Map<String, String> users) {
    this(users, BasicAuth::bcrypt);
  }

  /** {@code bcrypt}: (password, hash) → matches; replaceable to test what is compared. */
  BasicAuth(Map<String, String> users, BiPredicate<String, String> bcrypt) {
    this.users = Map.copyOf(users);
    this.bcrypt = bcrypt;
  }

  /** The credentials of a {@code Basic} Authorization header, if it holds well-formed ones. */
  static Optional<Credentials> parse(String authorization) {
    if (authorization == null
        || authorization.length() < 6
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  boolean verify(Credentials c) {
    String hash = users.get(c.user());
    boolean known = hash != null;
    if (!known) {
      hash = FAKE_HASH;
    }
    CacheKey key = new CacheKey(c.user(), hash, digest(c.password()));
    Boolean cached;
    synchronized (cache) {
      cached = cache.get(key);
    }
    if (cached == null) {
      boolean matches; // always compare, unknown users too: equal work, equal time
      synchronized (bcryptLock) {
        matches = bcrypt.test(c.password(), hash);
      }
      cached = known && matches;
      synchronized (cache) {
        cache.put(key, cached);
      }
    }
    return cached && known;
  }

  private static boolean bcrypt(String password, String hash) {
    try {
      return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
    } catch (IllegalArgumentException e) {
      return false; // e.g. a password longer than bcrypt's 72 bytes
    }
  }

  private static String digest(String password) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
