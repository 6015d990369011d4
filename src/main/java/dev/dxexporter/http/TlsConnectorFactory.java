package dev.dxexporter.http;

import dev.dxexporter.webconfig.WebConfig;
import java.io.IOException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Builds HTTPS (HTTP/1.1 over TLS) connectors from the web config's TLS settings: in-memory key and
 * trust stores from the PEM material, protocols from min/max_version, the configured cipher suites
 * (for TLS 1.2 and below; TLS 1.3 suites stay enabled, as in Go), client certificate policy.
 */
final class TlsConnectorFactory {
  private TlsConnectorFactory() {}

  /** {@code http}: the HTTP/1.1 factory to run over TLS; it gets the secure-request customizer. */
  static ServerConnector create(Server server, HttpConnectionFactory http, Context context) {
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false); // as Go: the Host header need not match the certificate
    http.getHttpConfiguration().addCustomizer(secure);
    SslConnectionFactory ssl = new SslConnectionFactory(context, "http/1.1");
    return new ServerConnector(server, 1, 1, ssl, http);
  }

  /** One connector's TLS settings; {@link #replace} swaps them for the connections that follow. */
  static final class Context extends SslContextFactory.Server {
    /** Never leaves memory; KeyStore and KeyManagerFactory just need one. */
    private static final String IN_MEMORY_PASSWORD = "in-memory";

    private static final List<String> TLS13_SUITES =
        List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    private static final List<String> JETTY_EXCLUDED_SUITES =
        List.of(new SslContextFactory.Server().getExcludeCipherSuites());

    private volatile List<String> namedGroups = List.of();

    Context(WebConfig.Tls tls) {
      configure(tls);
    }

    /**
     * Applies {@code tls} to new connections (Jetty rebuilds its SSLContext); open ones carry on.
     */
    void replace(WebConfig.Tls tls) throws Exception {
      reload(self -> configure(tls));
    }

    private void configure(WebConfig.Tls tls) {
      try {
        KeyStore keys = emptyStore();
        keys.setKeyEntry(
            "server",
            tls.key(),
            IN_MEMORY_PASSWORD.toCharArray(),
            tls.chain().toArray(new Certificate[0]));
        setKeyStore(keys);
        setKeyStorePassword(IN_MEMORY_PASSWORD);
        setKeyManagerPassword(IN_MEMORY_PASSWORD);
        KeyStore trust = null;
        if (!tls.clientCas().isEmpty()) {
          trust = emptyStore();
          for (int i = 0; i < tls.clientCas().size(); i++) {
            trust.setCertificateEntry("client-ca-" + i, tls.clientCas().get(i));
          }
        }
        setTrustStore(trust);
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot build the TLS key store: " + e.getMessage(), e);
      }
      // Jetty excludes only SSL*; the JDK disables TLSv1 and TLSv1.1 (jdk.tls.disabledAlgorithms).
      setIncludeProtocols(tls.protocols().toArray(String[]::new));
      if (tls.cipherSuites().isEmpty()) {
        setExcludeCipherSuites(JETTY_EXCLUDED_SUITES.toArray(String[]::new));
        setIncludeCipherSuites();
      } else {
        List<String> suites = new ArrayList<>(tls.cipherSuites());
        TLS13_SUITES.stream().filter(s -> !suites.contains(s)).forEach(suites::add);
        setExcludeCipherSuites(); // the user's explicit list wins over Jetty's default excludes
        setIncludeCipherSuites(suites.toArray(String[]::new));
      }
      setUseCipherSuitesOrder(tls.preferServerCipherSuites());
      setNeedClientAuth(tls.clientAuth() == WebConfig.ClientAuth.NEED);
      setWantClientAuth(tls.clientAuth() == WebConfig.ClientAuth.WANT);
      setEndpointIdentificationAlgorithm(null); // a server does not check client host names
      namedGroups = tls.namedGroups();
    }

    @Override
    public SSLParameters customize(SSLParameters parameters) {
      SSLParameters p = super.customize(parameters);
      List<String> groups = namedGroups;
      if (!groups.isEmpty()) {
        setNamedGroups(p, groups);
      }
      return p;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    }

    /**
     * SSLParameters.setNamedGroups exists from Java 20; the loader refuses curves on older JVMs.
     */
    private static void setNamedGroups(SSLParameters p, List<String> groups) {
      try {
        Method m = SSLParameters.class.getMethod("setNamedGroups", String[].class);
        m.invoke(p, (Object) groups.toArray(String[]::new));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("curve_preferences need Java 20+", e);
      }
    }
  }
}
