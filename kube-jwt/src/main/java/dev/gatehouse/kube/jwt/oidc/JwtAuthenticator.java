package dev.gatehouse.kube.jwt.oidc;

import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.NotApplicable;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Rejected;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Jwt;
import dev.gatehouse.kube.jwt.config.ConfigValidator;
import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.config.FieldPath;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import dev.gatehouse.kube.jwt.internal.Pem;
import dev.gatehouse.kube.jwt.internal.TlsContexts;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code jwt[]} entry of an AuthenticationConfiguration: kube-apiserver 1.32's OIDC token authenticator
 * ({@code plugin/pkg/authenticator/token/oidc}) configured for one issuer.
 *
 * <p>A token whose unverified {@code iss} is not this issuer is {@link NotApplicable}. Otherwise it is verified
 * (signature with the issuer's published keys, {@code iss}, {@code aud}, {@code exp}, {@code nbf}, algorithm in
 * RS/PS/ES 256/384/512) and mapped to a user; any failure is {@link Rejected} with upstream's reason.
 *
 * <p>Threading: {@link #authenticateAsync} never blocks; when keys must be fetched the work continues on the HTTP
 * client's executor. {@link #authenticate} waits for that and must therefore run on a worker thread, never on an
 * event loop. Neither method throws: every problem becomes a result.
 */
public final class JwtAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
    /** Discovery documents and key sets are small; anything bigger is refused rather than buffered. */
    private static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private final Jwt config;
    private final JwtOptions options;
    private final JwksProvider keys;
    private final IdTokenVerifier verifier;
    private final ClaimMapper mapper;

    private JwtAuthenticator(Jwt config, JwtOptions options, JwksProvider keys, ClaimMapper mapper) {
        this.config = config;
        this.options = options;
        this.keys = keys;
        this.verifier = new IdTokenVerifier(config.issuer().url(), config.issuer().audiences(), options.clock(),
                options.signingAlgorithms().isEmpty() ? Set.of("RS256") : options.signingAlgorithms());
        this.mapper = mapper;
    }

    /**
     * Validates the entry (as upstream's {@code oidc.New} does, with paths starting at {@code issuer}) and compiles
     * its CEL expressions. No network traffic happens until {@link #start()} or the first token.
     *
     * @throws ConfigurationException when the entry is invalid
     */
    public static JwtAuthenticator create(Jwt config, JwtOptions options) {
        ConfigValidator.JwtValidation validation = ConfigValidator.validateJwt(config, FieldPath.none(),
                options.disallowedIssuers());
        if (!validation.errors().isEmpty()) {
            throw new ConfigurationException(validation.errors());
        }
        for (String algorithm : new java.util.TreeSet<>(options.signingAlgorithms())) {
            if (!SignatureVerifier.ALLOWED_ALGORITHMS.contains(algorithm)) {
                throw new ConfigurationException("oidc: unsupported signing alg: " + GoFormat.quote(algorithm));
            }
        }
        URI discovery;
        try {
            discovery = JwksProvider.discoveryUri(config.issuer().url(), config.issuer().discoveryURL());
        } catch (URISyntaxException e) {
            throw new ConfigurationException("oidc: invalid discovery URL: " + e.getMessage());
        }
        HttpFetcher fetcher = new HttpFetcher(httpClient(config, options), options.httpTimeout(), MAX_DOCUMENT_BYTES);
        JwksProvider keys = new JwksProvider(config.issuer().url(), discovery, fetcher, options.clock(),
                options.minKeyRefetchInterval(), options.discoveryRetryInterval());
        return new JwtAuthenticator(config, options, keys, new ClaimMapper(config, validation.mapper()));
    }

    private static HttpClient httpClient(Jwt config, JwtOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.httpTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        options.executor().ifPresent(builder::executor);
        String ca = config.issuer().certificateAuthority();
        if (!ca.isEmpty()) {
            try {
                List<X509Certificate> roots = Pem.certificates(ca);
                SSLContext context = TlsContexts.create(roots, null, List.of());
                builder.sslContext(context);
            } catch (Pem.PemException | GeneralSecurityException e) {
                throw new ConfigurationException("Failed to read the CA contents: " + e.getMessage());
            }
        } else {
            LOG.info("OIDC: No x509 certificates provided, will use host's root CA set");
        }
        return builder.build();
    }

    public String issuerUrl() {
        return config.issuer().url();
    }

    public Jwt config() {
        return config;
    }

    /** Starts discovery now rather than on the first token (kube-apiserver starts it at boot). */
    public CompletableFuture<Void> start() {
        return keys.discover().thenApply(ignored -> null);
    }

    /** Upstream's health check: empty when discovery has succeeded. */
    public Optional<String> healthError() {
        if (keys.discovered()) {
            return Optional.empty();
        }
        return Optional.of(keys.lastError()
                .map(e -> "oidc: authenticator for issuer " + GoFormat.quote(issuerUrl()) + " is not healthy: " + e)
                .orElse("oidc: authenticator for issuer " + GoFormat.quote(issuerUrl()) + " is not initialized"));
    }

    /** Blocking form of {@link #authenticateAsync}; call it from a worker thread only. */
    public TokenAuthenticationResult authenticate(String token) {
        return authenticateAsync(token).join();
    }

    public CompletableFuture<TokenAuthenticationResult> authenticateAsync(String token) {
        if (UnverifiedIssuer.tooLarge(token, options.maxTokenBytes())) {
            return done(new Rejected("token is larger than " + options.maxTokenBytes() + " bytes"));
        }
        UnverifiedIssuer.Peek peek = UnverifiedIssuer.peek(token);
        if (peek.issuer().isEmpty()) {
            return done(new NotApplicable(peek.problem()));
        }
        if (!peek.issuer().get().equals(issuerUrl())) {
            return done(new NotApplicable("token issuer " + UnverifiedIssuer.forLog(peek.issuer().get())
                    + " is not " + GoFormat.quote(issuerUrl())));
        }
        return authenticateForIssuer(token);
    }

    /** For callers that already matched the token's issuer to this authenticator. */
    CompletableFuture<TokenAuthenticationResult> authenticateForIssuer(String token) {
        CompletableFuture<TokenAuthenticationResult> result = keys.discover().thenCompose(discovery -> {
            if (discovery instanceof JwksProvider.Discovery.Failed) {
                return done(new Rejected("oidc: authenticator not initialized"));
            }
            return verify(token);
        });
        return result.exceptionally(unexpected -> {
            LOG.error("oidc authenticator for issuer {}: unexpected failure", issuerUrl(), unexpected);
            return new Rejected("oidc: internal error: " + unexpected);
        });
    }

    private CompletableFuture<TokenAuthenticationResult> verify(String token) {
        IdTokenVerifier.Precheck precheck = verifier.precheck(token);
        if (precheck instanceof IdTokenVerifier.Precheck.Failed failed) {
            return done(new Rejected("oidc: verify token: " + failed.reason()));
        }
        IdTokenVerifier.Precheck.Ready ready = (IdTokenVerifier.Precheck.Ready) precheck;
        return verifySignature(ready.jws()).thenApply(signatureProblem -> {
            if (signatureProblem.isPresent()) {
                return new Rejected("oidc: verify token: failed to verify signature: " + signatureProblem.get());
            }
            Optional<String> audienceProblem = verifier.checkAudiences(ready.claims());
            if (audienceProblem.isPresent()) {
                return new Rejected("oidc: verify token: " + audienceProblem.get());
            }
            return mapper.map(new ClaimSet(ready.payload()));
        });
    }

    /** Empty when the signature verifies; otherwise go-oidc's key set error. */
    private CompletableFuture<Optional<String>> verifySignature(CompactJws jws) {
        if (SignatureVerifier.verifies(jws, keys.cachedKeys())) {
            return done(Optional.empty());
        }
        if (!keys.mayRefetch()) {
            return done(Optional.of("failed to verify id token signature"));
        }
        return keys.fetchKeys().thenApply(fetch -> {
            if (fetch instanceof JwksProvider.KeyFetch.Failed failed) {
                return Optional.of("fetching keys " + failed.error());
            }
            List<com.nimbusds.jose.jwk.JWK> fresh = ((JwksProvider.KeyFetch.Fetched) fetch).keys();
            return SignatureVerifier.verifies(jws, fresh)
                    ? Optional.<String>empty()
                    : Optional.of("failed to verify id token signature");
        });
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
