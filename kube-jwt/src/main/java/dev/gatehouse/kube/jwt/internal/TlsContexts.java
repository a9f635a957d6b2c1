package dev.gatehouse.kube.jwt.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** SSLContexts for outgoing HTTPS: trust only the given CAs (Go's RootCAs pool), optionally present a client key. */
public final class TlsContexts {

    private static final char[] NO_PASSWORD = new char[0];

    private TlsContexts() {
    }

    /**
     * @param trustedCas the only CAs to trust; empty means the JVM's default trust store
     * @param clientKey  the client private key, or null for no client certificate
     * @param clientChain the client certificate chain (leaf first) when {@code clientKey} is set
     */
    public static SSLContext create(List<X509Certificate> trustedCas, PrivateKey clientKey,
                                    List<X509Certificate> clientChain) throws GeneralSecurityException {
        TrustManager[] trustManagers = null;
        if (!trustedCas.isEmpty()) {
            KeyStore trust = emptyStore();
            for (int i = 0; i < trustedCas.size(); i++) {
                trust.setCertificateEntry("ca-" + i, trustedCas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            trustManagers = tmf.getTrustManagers();
        }
        KeyManager[] keyManagers = null;
        if (clientKey != null) {
            KeyStore keys = emptyStore();
            keys.setKeyEntry("client", clientKey, NO_PASSWORD, clientChain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, NO_PASSWORD);
            keyManagers = kmf.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trustManagers, new SecureRandom());
        return context;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }
}
