package dev.gatehouse.kube.jwt.oidc;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Runtime settings of JWT authenticators (everything that is not in the AuthenticationConfiguration file).
 *
 * @param clock                  the time used for exp/nbf and cache decisions
 * @param disallowedIssuers      issuer URLs no authenticator may use (kube-apiserver passes its service-account
 *                               issuers)
 * @param httpTimeout            per-request timeout of discovery and JWKS fetches (upstream's client uses 30 s)
 * @param minKeyRefetchInterval  minimum time between JWKS fetches triggered by unverifiable signatures
 * @param discoveryRetryInterval time before a failed discovery is tried again (upstream polls every 10 s)
 * @param maxTokenBytes          tokens longer than this are rejected without being parsed
 * @param executor               where HTTP completions (and the verification that follows them) run; empty for
 *                               the JDK HttpClient's default executor
 * @param signingAlgorithms      accepted JWS algorithms: every asymmetric one upstream knows when the
 *                               AuthenticationConfiguration file is used (the default), {@code --oidc-signing-algs}
 *                               (default RS256) with the legacy flags
 */
public record JwtOptions(Clock clock, Set<String> disallowedIssuers, Duration httpTimeout,
                         Duration minKeyRefetchInterval, Duration discoveryRetryInterval, int maxTokenBytes,
                         Optional<Executor> executor, Set<String> signingAlgorithms) {

    /** Tokens above 16 KiB are refused outright; real ID tokens are a few KiB at most. */
    public static final int DEFAULT_MAX_TOKEN_BYTES = 16 * 1024;

    public JwtOptions {
        disallowedIssuers = Set.copyOf(disallowedIssuers);
        signingAlgorithms = Set.copyOf(signingAlgorithms);
    }

    public static JwtOptions defaults() {
        return new JwtOptions(Clock.systemUTC(), Set.of(), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(10), DEFAULT_MAX_TOKEN_BYTES, Optional.empty(), SignatureVerifier.ALLOWED_ALGORITHMS);
    }

    public JwtOptions withClock(Clock value) {
        return new JwtOptions(value, disallowedIssuers, httpTimeout, minKeyRefetchInterval, discoveryRetryInterval,
                maxTokenBytes, executor, signingAlgorithms);
    }

    public JwtOptions withDisallowedIssuers(Set<String> value) {
        return new JwtOptions(clock, value, httpTimeout, minKeyRefetchInterval, discoveryRetryInterval,
                maxTokenBytes, executor, signingAlgorithms);
    }

    public JwtOptions withHttpTimeout(Duration value) {
        return new JwtOptions(clock, disallowedIssuers, value, minKeyRefetchInterval, discoveryRetryInterval,
                maxTokenBytes, executor, signingAlgorithms);
    }

    public JwtOptions withMinKeyRefetchInterval(Duration value) {
        return new JwtOptions(clock, disallowedIssuers, httpTimeout, value, discoveryRetryInterval, maxTokenBytes,
                executor, signingAlgorithms);
    }

    public JwtOptions withDiscoveryRetryInterval(Duration value) {
        return new JwtOptions(clock, disallowedIssuers, httpTimeout, minKeyRefetchInterval, value, maxTokenBytes,
                executor, signingAlgorithms);
    }

    public JwtOptions withMaxTokenBytes(int value) {
        return new JwtOptions(clock, disallowedIssuers, httpTimeout, minKeyRefetchInterval, discoveryRetryInterval,
                value, executor, signingAlgorithms);
    }

    public JwtOptions withExecutor(Executor value) {
        return new JwtOptions(clock, disallowedIssuers, httpTimeout, minKeyRefetchInterval, discoveryRetryInterval,
                maxTokenBytes, Optional.of(value), signingAlgorithms);
    }

    /** {@code --oidc-signing-algs}; each must be one of RS/PS/ES 256/384/512. */
    public JwtOptions withSigningAlgorithms(Set<String> value) {
        return new JwtOptions(clock, disallowedIssuers, httpTimeout, minKeyRefetchInterval, discoveryRetryInterval,
                maxTokenBytes, executor, value);
    }
}
