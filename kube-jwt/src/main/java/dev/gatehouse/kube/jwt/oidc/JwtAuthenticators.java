package dev.gatehouse.kube.jwt.oidc;

import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.NotApplicable;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Rejected;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration;
import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.config.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * All JWT authenticators of an AuthenticationConfiguration, as kube-apiserver unions them
 * ({@code tokenunion.NewFailOnError}): the token's unverified {@code iss} picks the one authenticator whose issuer
 * it names (issuer URLs are unique), whose answer is final. A token no issuer claims is {@link NotApplicable}.
 *
 * <p>Threading as {@link JwtAuthenticator}: the async form never blocks, the blocking form is for worker threads.
 */
public final class JwtAuthenticators {

    private final List<JwtAuthenticator> authenticators;
    private final int maxTokenBytes;

    private JwtAuthenticators(List<JwtAuthenticator> authenticators, int maxTokenBytes) {
        this.authenticators = List.copyOf(authenticators);
        this.maxTokenBytes = maxTokenBytes;
    }

    /**
     * @throws ConfigurationException when the configuration is invalid (it is validated again here, so a
     *                                programmatically built configuration gets the same checks as a parsed one)
     */
    public static JwtAuthenticators create(AuthenticationConfiguration config, JwtOptions options) {
        List<FieldError> errors = config.validate(options.disallowedIssuers());
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors);
        }
        List<JwtAuthenticator> authenticators = new ArrayList<>();
        for (AuthenticationConfiguration.Jwt jwt : config.jwt()) {
            authenticators.add(JwtAuthenticator.create(jwt, options));
        }
        return new JwtAuthenticators(authenticators, options.maxTokenBytes());
    }

    public List<JwtAuthenticator> authenticators() {
        return authenticators;
    }

    /** Starts discovery for every issuer; the future completes when all attempts have finished. */
    public CompletableFuture<Void> start() {
        return CompletableFuture.allOf(authenticators.stream().map(JwtAuthenticator::start)
                .toArray(CompletableFuture[]::new));
    }

    /** Blocking form of {@link #authenticateAsync}; call it from a worker thread only. */
    public TokenAuthenticationResult authenticate(String token) {
        return authenticateAsync(token).join();
    }

    public CompletableFuture<TokenAuthenticationResult> authenticateAsync(String token) {
        if (UnverifiedIssuer.tooLarge(token, maxTokenBytes)) {
            return CompletableFuture.completedFuture(new Rejected("token is larger than " + maxTokenBytes + " bytes"));
        }
        UnverifiedIssuer.Peek peek = UnverifiedIssuer.peek(token);
        if (peek.issuer().isEmpty()) {
            return CompletableFuture.completedFuture(new NotApplicable(peek.problem()));
        }
        String issuer = peek.issuer().get();
        for (JwtAuthenticator authenticator : authenticators) {
            if (authenticator.issuerUrl().equals(issuer)) {
                return authenticator.authenticateForIssuer(token);
            }
        }
        return CompletableFuture.completedFuture(new NotApplicable(
                "no JWT authenticator for issuer " + UnverifiedIssuer.forLog(issuer)));
    }
}
