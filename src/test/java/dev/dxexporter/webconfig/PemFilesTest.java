package dev.dxexporter.webconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM reading against keys and certificates made by the real openssl 3. */
class PemFilesTest {
  @TempDir static java.nio.file.Path dir;
  static TestPki pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.create(dir);
  }

  @Test
  void readsTheKeyFormatsOpensslWrites() throws Exception {
    assertThat(pki.read("server.key")).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(pki.read("server-pkcs1.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(pki.read("server-ec.key"))
        .startsWith("-----BEGIN EC PARAMETERS-----")
        .contains("-----BEGIN EC PRIVATE KEY-----");
    X509Certificate rsaCert = PemFiles.certificates(pki.read("server.crt")).get(0);
    X509Certificate ecCert = PemFiles.certificates(pki.read("server-ec.crt")).get(0);

    PrivateKey pkcs8 = PemFiles.privateKey(pki.read("server.key"));
    PrivateKey pkcs1 = PemFiles.privateKey(pki.read("server-pkcs1.key"));
    PrivateKey sec1 = PemFiles.privateKey(pki.read("server-ec.key"));

    assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
    assertThat(PemFiles.matches(rsaCert, pkcs8)).isTrue();
    assertThat(PemFiles.matches(rsaCert, pkcs1)).isTrue();
    assertThat(sec1.getAlgorithm()).isEqualTo("EC");
    assertThat(PemFiles.matches(ecCert, sec1)).isTrue();
    assertThat(PemFiles.matches(ecCert, pkcs8)).isFalse();
    assertThat(PemFiles.matches(rsaCert, sec1)).isFalse();
  }

  /** The DER wrapping gives the same key as openssl's own conversion to PKCS#8. */
  @Test
  void wrappingAgreesWithOpensslPkcs8() throws Exception {
    byte[] rsa =
        pki.openssl("pkcs8", "-topk8", "-nocrypt", "-in", "server-pkcs1.key", "-outform", "DER");
    assertThat(PemFiles.privateKey(pki.read("server-pkcs1.key")).getEncoded()).isEqualTo(rsa);

    // openssl drops SEC1's optional [0] curve field inside PKCS#8, the JDK keeps what it is given:
    // compare the key values, not the bytes.
    byte[] ec =
        pki.openssl("pkcs8", "-topk8", "-nocrypt", "-in", "server-ec.key", "-outform", "DER");
    ECPrivateKey expected =
        (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(ec));
    ECPrivateKey ours = (ECPrivateKey) PemFiles.privateKey(pki.read("server-ec.key"));
    assertThat(ours.getS()).isEqualTo(expected.getS());
    assertThat(ours.getParams().toString()).isEqualTo(expected.getParams().toString());
  }

  @Test
  void derLengthsAboveOneByte() {
    byte[] content = new byte[300];
    byte[] tlv = Der.tlv(0x04, content);

    assertThat(tlv).startsWith(0x04, 0x82, 0x01, 0x2c);
    assertThat(new Der.Reader(tlv).expect(0x04)).hasSize(300);
  }

  @Test
  void readsEveryCertificateOfABundle() throws Exception {
    List<X509Certificate> certs =
        PemFiles.certificates(pki.read("server.crt") + pki.read("ca.crt"));

    assertThat(certs).hasSize(2);
    assertThat(certs.get(1).getSubjectX500Principal().getName()).isEqualTo("CN=dx-test-ca");
  }

  @Test
  void encryptedKeysAreRefusedClearly() throws Exception {
    pki.openssl("pkcs8", "-topk8", "-in", "server.key", "-out", "enc.key", "-passout", "pass:pw");
    pki.openssl(
        "rsa",
        "-in",
        "server.key",
        "-traditional",
        "-aes128",
        "-out",
        "enc-pkcs1.key",
        "-passout",
        "pass:pw");

    for (String name : List.of("enc.key", "enc-pkcs1.key")) {
      assertThatThrownBy(() -> PemFiles.privateKey(pki.read(name)))
          .as(name)
          .hasMessageContaining("encrypted private keys are not supported");
    }
  }

  @Test
  void garbageIsAnErrorNotACrash() {
    assertThatThrownBy(() -> PemFiles.privateKey("hello"))
        .hasMessageContaining("no PEM private key");
    assertThatThrownBy(() -> PemFiles.certificates("")).hasMessageContaining("no PEM certificate");
    String broken =
        "-----BEGIN EC PRIVATE KEY-----\n"
            + Base64.getEncoder().encodeToString(new byte[] {0x30, 0x05, 0x02, 0x01})
            + "\n"
            + "-----END EC PRIVATE KEY-----\n";
    assertThatThrownBy(() -> PemFiles.privateKey(broken))
        .isInstanceOf(IllegalArgumentException.class);
    String rsaGarbage = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";
    assertThatThrownBy(() -> PemFiles.privateKey(rsaGarbage)).hasMessageContaining("unreadable");
  }
}
