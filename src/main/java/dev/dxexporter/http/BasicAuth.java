package dev.dxexporter.http;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.BiPredicate;

/**
 * Checks HTTP basic auth credentials against bcrypt hashes, as exporter-toolkit does, in a way a
 * flood of wrong passwords cannot starve: a cached success is answered without a lock and without
 * bcrypt; at most {@code permits} bcrypt comparisons run at once (bcrypt is CPU-bound by design)
 * and a check beyond that is refused at once as {@link Outcome#BUSY} instead of holding a server
 * thread; successes and failures are cached apart, so failures never push a valid user out. An
 * unknown user is compared against a fake hash of the users' cost, so timing does not tell names.
 */
final class BasicAuth {
  static final int SUCCESS_CACHE_SIZE = 100;
  static final int FAILURE_CACHE_SIZE = 1_000;

  /** A user name and password from an Authorization header. */
  record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + "]"; // never the password
    }
  }

  /** The answer to one check. */
  enum Outcome {
    ALLOWED,
    /** Unknown user or wrong password. */
    DENIED,
    /** Not checked: the bcrypt comparisons allowed at once are all running; retry shortly. */
    BUSY
  }

  /** The password only as a salted digest: the caches never hold it. */
  private record CacheKey(String user, String hash, String passwordDigest) {}

  private final Map<String, String> users;
  private final BiPredicate<String, String> bcrypt;
  private final String fakeHash;
  private final Semaphore comparisons;
  private final byte[] salt = new byte[16];
  private final CredentialCache<CacheKey> successes = new CredentialCache<>(SUCCESS_CACHE_SIZE);
  private final CredentialCache<CacheKey> failures = new CredentialCache<>(FAILURE_CACHE_SIZE);

  /**
   * {@code users}: user name to bcrypt hash, already validated by the loader; as many comparisons
   * at once as there are processors; the fake hash at the users' cost.
   */
  static BasicAuth of(Map<String, String> users) {
    return new BasicAuth(
        users,
        BasicAuth::bcrypt,
        Runtime.getRuntime().availableProcessors(),
        FakeHash.matching(users.values()));
  }

  /**
   * {@code bcrypt}: (password, hash) → matches, replaceable to test what is compared; {@code
   * permits}: comparisons allowed at once; {@code fakeHash}: compared for unknown users.
   */
  BasicAuth(
      Map<String, String> users, BiPredicate<String, String> bcrypt, int permits, String fakeHash) {
    this.users = Map.copyOf(users);
    this.bcrypt = bcrypt;
    this.comparisons = new Semaphore(permits);
    this.fakeHash = fakeHash;
    new SecureRandom().nextBytes(salt);
  }

  String fakeHash() {
    return fakeHash;
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

  Outcome verify(Credentials c) {
    String known = users.get(c.user());
    String hash = known == null ? fakeHash : known;
    CacheKey key = new CacheKey(c.user(), hash, digest(c.password()));
    if (successes.contains(key)) {
      return Outcome.ALLOWED;
    }
    if (failures.contains(key)) {
      return Outcome.DENIED;
    }
    if (!comparisons.tryAcquire()) {
      return Outcome.BUSY;
    }
    boolean matches; // always compare, unknown users too: equal work, equal time
    try {
      matches = bcrypt.test(c.password(), hash);
    } finally {
      comparisons.release();
    }
    if (known != null && matches) {
      successes.add(key);
      return Outcome.ALLOWED;
    }
    failures.add(key);
    return Outcome.DENIED;
  }

  private static boolean bcrypt(String password, String hash) {
    try {
      return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
    } catch (IllegalArgumentException e) {
      return false; // e.g. a password longer than bcrypt's 72 bytes
    }
  }

  private String digest(String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return Base64.getEncoder()
          .encodeToString(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
