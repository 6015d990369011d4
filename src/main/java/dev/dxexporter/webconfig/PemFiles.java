package dev.dxexporter.webconfig;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys as {@code openssl} writes them: keys in PKCS#8 ({@code
 * BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE
 * KEY}); the latter two are wrapped into PKCS#8 for the JDK's KeyFactory. Encrypted keys are
 * refused. Errors are {@link IllegalArgumentException}s with a readable message.
 */
final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final byte[] RSA_ALGORITHM =
      Der.sequence(
          Der.tlv(
              0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 1, 1, 1}),
          new byte[] {0x05, 0x00}); // rsaEncryption, NULL parameters
  private static final byte[] EC_PUBLIC_KEY_OID =
      Der.tlv(
          0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 2, 1}); // id-ecPublicKey

  private PemFiles() {}

  /** Every certificate in {@code pem}; at least one. */
  static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> certs = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      Matcher m = BLOCK.matcher(pem);
      while (m.find()) {
        if (m.group(1).equals("CERTIFICATE")) {
          certs.add(
              (X509Certificate)
                  factory.generateCertificate(new ByteArrayInputStream(decode(m.group(2)))));
        }
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException("invalid certificate: " + e.getMessage());
    }
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("no PEM certificate (-----BEGIN CERTIFICATE-----) found");
    }
    return certs;
  }

  /** The first private key in {@code pem} (other blocks, such as EC PARAMETERS, are skipped). */
  static PrivateKey privateKey(String pem) {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String type = m.group(1);
      if (type.equals("ENCRYPTED PRIVATE KEY") || m.group(2).contains("Proc-Type: 4,ENCRYPTED")) {
        throw new IllegalArgumentException(
            "encrypted private keys are not supported; decrypt it"
                + " with: openssl pkey -in KEY -out KEY.plain");
      }
      switch (type) {
        case "PRIVATE KEY":
          return pkcs8(decode(m.group(2)), "RSA", "EC", "Ed25519", "Ed448");
        case "RSA PRIVATE KEY":
          return pkcs8(wrapPkcs1(decode(m.group(2))), "RSA");
        case "EC PRIVATE KEY":
          return pkcs8(wrapSec1(decode(m.group(2))), "EC");
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "no PEM private key (-----BEGIN PRIVATE KEY-----,"
            + " RSA PRIVATE KEY or EC PRIVATE KEY) found");
  }

  /**
   * Whether {@code key} is the private half of the certificate's public key (sign, then verify).
   */
  static boolean matches(X509Certificate cert, PrivateKey key) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // Ed25519, Ed448
        };
    try {
      byte[] data = "dx-exporter key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** PKCS#1 RSAPrivateKey → PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING }. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    return Der.sequence(Der.tlv(0x02, new byte[] {0}), RSA_ALGORITHM, Der.tlv(0x04, pkcs1));
  }

  /**
   * SEC1 ECPrivateKey {@code SEQUENCE { 1, OCTET STRING, [0] curve OID, [1] public key }} →
   * PrivateKeyInfo { version 0, { id-ecPublicKey, curve OID }, OCTET STRING }. The curve comes from
   * the [0] field, which openssl always writes.
   */
  static byte[] wrapSec1(byte[] sec1) {
    Der.Reader outer = new Der.Reader(sec1);
    Der.Reader fields = new Der.Reader(outer.expect(0x30));
    fields.expect(0x02); // version
    fields.expect(0x04); // private key
    while (fields.hasMore()) {
      int tag = fields.peekTag();
      byte[] content = fields.expect(tag);
      if (tag == 0xa0) {
        byte[] curve = new Der.Reader(content).rawElement(0x06);
        return Der.sequence(
            Der.tlv(0x02, new byte[] {0}),
            Der.sequence(EC_PUBLIC_KEY_OID, curve),
            Der.tlv(0x04, sec1));
      }
    }
    throw new IllegalArgumentException(
        "EC PRIVATE KEY without curve parameters; convert it with: openssl pkcs8 -topk8 -nocrypt");
  }

  private static PrivateKey pkcs8(byte[] der, String... algorithms) {
    for (String algorithm : algorithms) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        "unreadable private key (tried " + String.join(", ", algorithms) + ")");
  }

  private static byte[] decode(String base64Body) {
    StringBuilder clean = new StringBuilder();
    for (String line : base64Body.split("\\r?\\n")) {
      if (!line.contains(":")) { // skip RFC 1421 headers such as Proc-Type
        clean.append(line.strip());
      }
    }
    try {
      return Base64.getDecoder().decode(clean.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid base64 in PEM block: " + e.getMessage());
    }
  }
}
