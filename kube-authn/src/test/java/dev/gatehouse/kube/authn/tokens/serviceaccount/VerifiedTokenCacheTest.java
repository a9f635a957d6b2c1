package dev.gatehouse.kube.authn.tokens.serviceaccount;

import dev.gatehouse.kube.authn.tokens.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cache may and may not do beyond the table in {@code validation.yaml}. */
class VerifiedTokenCacheTest {
    private final MutableClock clock = new MutableClock();
    private final ServiceAccountKeys keys = ServiceAccountKeys.of(TestTokens.KEY_A, clock);
    private final FakeObjects objects = new FakeObjects();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(10, clock);

    VerifiedTokenCacheTest() {
        objects.put("serviceaccount/build/builder", BoundObjects.LiveObject.of("uid-sa-builder"));
        objects.put("pod/build/runner", BoundObjects.LiveObject.of("uid-pod-runner"));
    }

    private ServiceAccountTokenAuthenticator authenticator(ServiceAccountKeys with) {
        return ServiceAccountTokenAuthenticator.builder(with, objects, clock)
                .issuers(List.of(TestTokens.ISSUER)).cache(cache).build();
    }

    private String podToken(long expirationSeconds) {
        BoundTokenIssuer issuer = new BoundTokenIssuer(keys, TestTokens.ISSUER, List.of(), clock);
        TokenRequest request = TokenRequest.forServiceAccount("build", "builder", "uid-sa-builder")
                .withExpirationSeconds(expirationSeconds)
                .boundTo(null, new BoundObject.Pod("runner", "uid-pod-runner", "builder", null));
        return ((TokenRequestOutcome.Issued) issuer.issue(request)).token();
    }

    @Test
    void aCachedTokenNeverOutlivesItsExpiry() {
        ServiceAccountTokenAuthenticator authenticator = authenticator(keys);
        String token = podToken(600);
        assertThat(authenticator.authenticate(token)).isInstanceOf(ServiceAccountAuthResult.Authenticated.class);
        clock.advance(Duration.ofSeconds(660));
        assertThat(authenticator.authenticate(token)).isInstanceOf(ServiceAccountAuthResult.Authenticated.class);
        assertThat(cache.hits()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(authenticator.authenticate(token))
                .isEqualTo(new ServiceAccountAuthResult.Rejected("service account token has expired"));
        assertThat(cache.size()).as("the expired entry is dropped").isZero();
    }

    @Test
    void deletionRevokesACachedTokenOnTheNextRequest() {
        ServiceAccountTokenAuthenticator authenticator = authenticator(keys);
        String token = podToken(3600);
        assertThat(authenticator.authenticate(token)).isInstanceOf(ServiceAccountAuthResult.Authenticated.class);
        objects.remove("pod/build/runner");
        assertThat(authenticator.authenticate(token))
                .isEqualTo(new ServiceAccountAuthResult.Rejected("service account token has been invalidated"));
        assertThat(cache.hits()).as("revoked although served from the cache").isEqualTo(1);
        objects.put("pod/build/runner", BoundObjects.LiveObject.of("uid-pod-runner"));
        assertThat(authenticator.authenticate(token)).isInstanceOf(ServiceAccountAuthResult.Authenticated.class);
    }

    @Test
    void onlyAuthenticatedTokensAreCached() {
        ServiceAccountTokenAuthenticator authenticator = authenticator(keys);
        String token = podToken(3600);
        assertThat(authenticator.authenticate(token, List.of("vault"))).isInstanceOf(ServiceAccountAuthResult.Rejected.class);
        assertThat(authenticator.authenticate("not-a-token")).isInstanceOf(ServiceAccountAuthResult.NotApplicable.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void audiencesAreJudgedPerRequestEvenOnAHit() {
        ServiceAccountTokenAuthenticator authenticator = authenticator(keys);
        String token = podToken(3600);
        assertThat(authenticator.authenticate(token)).isInstanceOf(ServiceAccountAuthResult.Authenticated.class);
        assertThat(authenticator.authenticate(token, List.of("vault"))).isInstanceOf(ServiceAccountAuthResult.Rejected.class);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void aSharedCacheNeverVouchesForAKeyTheAuthenticatorDoesNotHave() {
        String token = podToken(3600);
        assertThat(authenticator(keys).authenticate(token)).isInstanceOf(ServiceAccountAuthResult.Authenticated.class);
        ServiceAccountKeys otherKeys = ServiceAccountKeys.of(TestTokens.KEY_B, clock);
        assertThat(authenticator(otherKeys).authenticate(token))
                .isEqualTo(new ServiceAccountAuthResult.Rejected("invalid signature, no keys found"));
    }

    @Test
    void aTokenThatDiffersByOneCharacterIsNotAHit() {
        ServiceAccountTokenAuthenticator authenticator = authenticator(keys);
        String token = podToken(3600);
        authenticator.authenticate(token);
        // Not the last character: its low bits are padding that base64 decoders (Go's too) ignore.
        int at = token.length() - 10;
        String altered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThat(authenticator.authenticate(altered)).isInstanceOf(ServiceAccountAuthResult.Rejected.class);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        ServiceAccountTokenAuthenticator authenticator = authenticator(keys);
        for (int i = 0; i < 25; i++) {
            assertThat(authenticator.authenticate(podToken(3600 + i))).isInstanceOf(ServiceAccountAuthResult.Authenticated.class);
            assertThat(cache.size()).isLessThanOrEqualTo(10);
        }
    }
}
