package dev.dxexporter.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signature over the raw body in a header, as GitHub signs webhooks ({@code X-Hub-Signature-256:
 * sha256=<hex HMAC-SHA256>}): the body is read (at most {@code maxBodyBytes}; 413 beyond) and kept
 * for the handler, the HMAC computed with the secret and compared in constant time. 401 when the
 * header is missing, malformed or wrong; 503 when the secret cannot be read.
 */
public final class HmacSignature implements Authentication {
  private final String header;
  private final String prefix;
  private final Supplier<Optional<byte[]>> secret;
  private final long maxBodyBytes;

  /**
   * @param header e.g. {@code X-Hub-Signature-256}
   * @param prefix e.g. {@code sha256=}
   * @param secret read when needed (a {@code {env}} or {@code {file}} secret); empty when unset
   */
  public HmacSignature(
      String header, String prefix, Supplier<Optional<byte[]>> secret, long maxBodyBytes) {
    this.header = header;
    this.prefix = prefix;
    this.secret = secret;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public Decision authenticate(Exchange exchange) throws Exception {
    Optional<String> given = exchange.header(header);
    if (given.isEmpty()) {
      return Decision.deny(401, "Unauthorized: no " + header + " header");
    }
    byte[] signature;
    try {
      String g = given.get().strip();
      if (!g.startsWith(prefix)) {
        return Decision.deny(401, "Unauthorized: malformed " + header);
      }
      signature = HexFormat.of().parseHex(g.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return Decision.deny(401, "Unauthorized: malformed " + header);
    }
    Optional<byte[]> key = secret.get().filter(k -> k.length > 0);
    if (key.isEmpty()) {
      return Decision.deny(503, "the signing secret is not available");
    }
    byte[] body = exchange.bodyBytes(maxBodyBytes);
    if (!MessageDigest.isEqual(signature, hmac(key.get(), body))) {
      return Decision.deny(401, "Unauthorized: " + header + " does not match the body");
    }
    return Decision.ALLOW;
  }

  /** HMAC-SHA256 of {@code body} with {@code key}. */
  public static byte[] hmac(byte[] key, byte[] body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(body);
  }

  /** {@code sha256=<hex>} of {@code body}, as a sender writes it (for tests and tools). */
  public static String sign(String secret, byte[] body) throws GeneralSecurityException {
    return "sha256="
        + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
  }
}
