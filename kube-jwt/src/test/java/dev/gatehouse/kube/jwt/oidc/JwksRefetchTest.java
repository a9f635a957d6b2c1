package dev.gatehouse.kube.jwt.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Authenticated;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Rejected;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Jwt;
import dev.gatehouse.kube.jwt.testing.MutableClock;
import dev.gatehouse.kube.jwt.testing.TestIssuer;
import dev.gatehouse.kube.jwt.testing.TestKeys;
import dev.gatehouse.kube.jwt.testing.TestPki;
import dev.gatehouse.kube.jwt.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key retrieval: caching, refetch on an unknown kid, rate limiting, failures, single flight, non-blocking. */
class JwksRefetchTest {

    private static final Instant START = JwtAuthenticatorTest.NOW;
    private static final String FAILED_SIGNATURE =
            "oidc: verify token: failed to verify signature: failed to verify id token signature";

    private static TestIssuer issuer;
    private MutableClock clock;

    @BeforeAll
    static void startIssuer() {
        issuer = TestIssuer.start(TestPki.shared());
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void reset() {
        issuer.reset(List.of(TestKeys.publicKey("rsa1")));
        clock = new MutableClock(START);
    }

    private JwtAuthenticator authenticator(String caPem) {
        Jwt entry = JwtAuthenticatorTest.jwtEntry("""
                issuer: {url: "%s", audiences: [my-client], certificateAuthority: "%s"}
                claimMappings: {username: {claim: username, prefix: ""}}
                """.formatted(issuer.url(), caPem.replace("\n", "\\n")), "");
        return JwtAuthenticator.create(entry, JwtOptions.defaults().withClock(clock));
    }

    private JwtAuthenticator authenticator() {
        return authenticator(TestPki.shared().caPem());
    }

    private String token(String key, String user) {
        long exp = clock.instant().getEpochSecond() + 3600;
        return Tokens.signed(key, TestKeys.defaultAlgorithm(key), TestKeys.publicKey(key).getKeyID(),
                "{\"iss\":\"" + issuer.url() + "\",\"aud\":\"my-client\",\"username\":\"" + user + "\",\"exp\":" + exp
                        + "}");
    }

    private static Authenticated user(String name) {
        return new Authenticated(name, "", List.of(), java.util.Map.of());
    }

    @Test
    void keysAreFetchedOnceAndReused() {
        JwtAuthenticator authenticator = authenticator();
        for (int i = 0; i < 5; i++) {
            assertThat(authenticator.authenticate(token("rsa1", "jane"))).isEqualTo(user("jane"));
        }
        assertThat(issuer.discoveryRequests()).isEqualTo(1);
        assertThat(issuer.keyRequests()).isEqualTo(1);
    }

    @Test
    void unknownKidTriggersRefetchAfterRotation() {
        JwtAuthenticator authenticator = authenticator();
        assertThat(authenticator.authenticate(token("rsa1", "jane"))).isEqualTo(user("jane"));

        issuer.publish(List.of(TestKeys.publicKey("rsa1"), TestKeys.publicKey("rsa2")));
        clock.advance(Duration.ofSeconds(11));

        assertThat(authenticator.authenticate(token("rsa2", "joe"))).isEqualTo(user("joe"));
        assertThat(authenticator.authenticate(token("rsa1", "jane"))).isEqualTo(user("jane"));
        assertThat(issuer.keyRequests()).isEqualTo(2);
    }

    @Test
    void refetchesAreRateLimited() {
        JwtAuthenticator authenticator = authenticator();
        assertThat(authenticator.authenticate(token("rsa1", "jane"))).isEqualTo(user("jane"));
        issuer.publish(List.of(TestKeys.publicKey("rsa2")));

        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThat(authenticator.authenticate(token("rsa2", "joe"))).isEqualTo(new Rejected(FAILED_SIGNATURE));
        }
        assertThat(issuer.keyRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(authenticator.authenticate(token("rsa2", "joe"))).isEqualTo(user("joe"));
        assertThat(issuer.keyRequests()).isEqualTo(2);
    }

    @Test
    void cacheControlMaxAgeKeepsKeysFresh() {
        issuer.cacheControl("public, max-age=3600");
        JwtAuthenticator authenticator = authenticator();
        assertThat(authenticator.authenticate(token("rsa1", "jane"))).isEqualTo(user("jane"));
        issuer.publish(List.of(TestKeys.publicKey("rsa2")));

        clock.advance(Duration.ofMinutes(30));
        assertThat(authenticator.authenticate(token("rsa2", "joe"))).isEqualTo(new Rejected(FAILED_SIGNATURE));
        assertThat(issuer.keyRequests()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(30));
        assertThat(authenticator.authenticate(token("rsa2", "joe"))).isEqualTo(user("joe"));
        assertThat(issuer.keyRequests()).isEqualTo(2);
    }

    @Test
    void keyFetchFailureIsARejectionWithTheReason() {
        issuer.keysStatus(500);
        JwtAuthenticator authenticator = authenticator();

        TokenAuthenticationResult result = authenticator.authenticate(token("rsa1", "jane"));

        assertThat(result).isEqualTo(new Rejected("oidc: verify token: failed to verify signature: fetching keys "
                + "oidc: get keys failed: 500 Internal Server Error keys unavailable"));
    }

    @Test
    void discoveryFailureIsRememberedThenRetried() {
        issuer.discoveryStatus(503);
        JwtAuthenticator authenticator = authenticator();

        assertThat(authenticator.authenticate(token("rsa1", "jane")))
                .isEqualTo(new Rejected("oidc: authenticator not initialized"));
        assertThat(authenticator.healthError()).contains("oidc: authenticator for issuer \"" + issuer.url()
                + "\" is not healthy: 503 Service Unavailable: discovery unavailable");
        assertThat(authenticator.authenticate(token("rsa1", "jane")))
                .isEqualTo(new Rejected("oidc: authenticator not initialized"));
        assertThat(issuer.discoveryRequests()).isEqualTo(1);

        issuer.discoveryStatus(200);
        clock.advance(Duration.ofSeconds(10));
        assertThat(authenticator.authenticate(token("rsa1", "jane"))).isEqualTo(user("jane"));
        assertThat(authenticator.healthError()).isEmpty();
        assertThat(issuer.discoveryRequests()).isEqualTo(2);
    }

    @Test
    void serverCertificateFromAnotherCaIsNotTrusted() {
        JwtAuthenticator authenticator = authenticator(TestPki.fresh().caPem());

        assertThat(authenticator.authenticate(token("rsa1", "jane")))
                .isEqualTo(new Rejected("oidc: authenticator not initialized"));
        assertThat(authenticator.healthError()).hasValueSatisfying(e -> assertThat(e).contains("is not healthy: Get"));
        assertThat(issuer.discoveryRequests()).isZero();
    }

    @Test
    void concurrentTokensShareOneDiscoveryAndOneKeyFetch() {
        JwtAuthenticator authenticator = authenticator();
        List<CompletableFuture<TokenAuthenticationResult>> results = IntStream.range(0, 20)
                .mapToObj(i -> authenticator.authenticateAsync(token("rsa1", "user" + i)))
                .toList();

        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).join()).isEqualTo(user("user" + i));
        }
        assertThat(issuer.discoveryRequests()).isEqualTo(1);
        assertThat(issuer.keyRequests()).isEqualTo(1);
    }

    @Test
    void asyncCallsReturnBeforeKeysArrive() throws Exception {
        JwtAuthenticator authenticator = authenticator();
        authenticator.start().join();
        CountDownLatch gate = new CountDownLatch(1);
        issuer.holdKeysUntil(gate);

        CompletableFuture<TokenAuthenticationResult> pending = authenticator.authenticateAsync(token("rsa1", "jane"));

        assertThat(pending).isNotDone();
        gate.countDown();
        assertThat(pending.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(user("jane"));
    }

    @Test
    void ecKeysFromTheSameIssuer() {
        issuer.publish(List.of(TestKeys.publicKey("rsa1"), TestKeys.publicKey("ec256")));
        JwtAuthenticator authenticator = authenticator();
        String ecToken = Tokens.signed("ec256", JWSAlgorithm.ES256, TestKeys.publicKey("ec256").getKeyID(),
                "{\"iss\":\"" + issuer.url() + "\",\"aud\":\"my-client\",\"username\":\"ec\",\"exp\":"
                        + (START.getEpochSecond() + 60) + "}");
        assertThat(authenticator.authenticate(ecToken)).isEqualTo(user("ec"));
        assertThat(authenticator.authenticate(token("rsa1", "rsa"))).isEqualTo(user("rsa"));
    }
}
