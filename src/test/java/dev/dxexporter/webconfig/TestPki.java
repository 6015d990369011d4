package dev.dxexporter.webconfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI made with the real {@code openssl} in a directory: an EC CA ({@code ca.crt}), a
 * server certificate for localhost/127.0.0.1 with its RSA key as PKCS#8 ({@code server.key}) and as
 * PKCS#1 ({@code server-pkcs1.key}), a second server certificate with an EC key in SEC1 ({@code
 * server-ec.crt}, {@code server-ec.key}), and a client certificate ({@code client.crt}, {@code
 * client.key}).
 */
public final class TestPki {
  public final Path dir;

  private TestPki(Path dir) {
    this.dir = dir;
  }

  public static TestPki create(Path dir) throws IOException {
    TestPki pki = new TestPki(dir);
    Files.writeString(
        dir.resolve("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
    pki.openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "2",
        "-subj",
        "/CN=dx-test-ca");
    // RSA server key: OpenSSL 3 writes PKCS#8 ("BEGIN PRIVATE KEY"); -traditional gives PKCS#1.
    pki.openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost");
    pki.sign("server.csr", "server.crt", "server.ext");
    pki.openssl("rsa", "-in", "server.key", "-traditional", "-out", "server-pkcs1.key");
    // EC server key in SEC1 ("BEGIN EC PARAMETERS" + "BEGIN EC PRIVATE KEY"), as ecparam writes it.
    pki.openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "server-ec.key");
    pki.openssl(
        "req", "-new", "-key", "server-ec.key", "-out", "server-ec.csr", "-subj", "/CN=localhost");
    pki.sign("server-ec.csr", "server-ec.crt", "server.ext");
    pki.openssl(
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "client.key",
        "-out",
        "client.csr",
        "-subj",
        "/CN=dx-test-client");
    pki.sign("client.csr", "client.crt", "client.ext");
    return pki;
  }

  private void sign(String csr, String out, String ext) throws IOException {
    openssl(
        "x509",
        "-req",
        "-in",
        csr,
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        out,
        "-days",
        "2",
        "-extfile",
        ext);
  }

  public String read(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  /** Runs openssl in the directory; fails with its output when it exits non-zero. */
  public byte[] openssl(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(
            "openssl failed: " + command + "\n" + new String(out, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return out;
  }

  /** A client SSLContext that trusts the CA, optionally presenting the client certificate. */
  public SSLContext clientContext(boolean withClientCert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", PemFiles.certificates(read("ca.crt")).get(0));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (withClientCert) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      PrivateKey key = PemFiles.privateKey(read("client.key"));
      keys.setKeyEntry(
          "client",
          key,
          "x".toCharArray(),
          PemFiles.certificates(read("client.crt")).toArray(new Certificate[0]));
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, "x".toCharArray());
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }
}
