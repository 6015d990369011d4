package dev.dxexporter.collect.github;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body under
 * the webhook secret. The legacy SHA-1 {@code X-Hub-Signature} is not accepted. Several secrets may
 * be configured so that a secret can be rotated without dropping deliveries.
 */
public final class WebhookSignature {
  /** The outcome; every verdict but {@link #VALID} is answered 401. */
  public enum Verdict {
    VALID,
    /** No {@code X-Hub-Signature-256} header (or an empty one). */
    MISSING,
    /** Not {@code sha256=} followed by 64 hex digits. */
    MALFORMED,
    /** Well formed, but no configured secret produces it. */
    WRONG
  }

  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int DIGEST_BYTES = 32;

  private final List<SecretKeySpec> keys;

  /**
   * @param secrets the configured secrets (UTF-8 bytes as GitHub uses them), at least one, none
   *     empty
   */
  public WebhookSignature(List<byte[]> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret is required");
    }
    for (byte[] secret : secrets) {
      if (secret.length == 0) {
        throw new IllegalArgumentException("a webhook secret must not be empty");
      }
    }
    this.keys = secrets.stream().map(s -> new SecretKeySpec(s.clone(), ALGORITHM)).toList();
  }

  /**
   * @param header the {@code X-Hub-Signature-256} value, null when absent
   * @param body the request body exactly as received (before any decoding)
   */
  public Verdict verify(String header, byte[] body) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    String value = header.strip();
    if (!value.startsWith(PREFIX) || value.length() != PREFIX.length() + 2 * DIGEST_BYTES) {
      return Verdict.MALFORMED;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(value, PREFIX.length(), value.length());
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    // Every key is tried even after a match, so the time taken does not say which one matched.
    boolean match = false;
    for (SecretKeySpec key : keys) {
      match |= MessageDigest.isEqual(hmac(key, body), claimed);
    }
    return match ? Verdict.VALID : Verdict.WRONG;
  }

  private static byte[] hmac(SecretKeySpec key, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
