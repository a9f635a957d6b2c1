package dev.gatehouse.kube.authn.tokens.serviceaccount;

import dev.gatehouse.kube.authn.tokens.testing.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Single-threaded verification throughput, uncached and with the verified-token cache. Prints only; excluded from
 * default runs. Run: {@code cd kube-authn && ../mvnw -q -B -o test -Pperf}.
 */
@Tag("perf")
class VerificationThroughputTest {
    private static final int TOKENS = 1000;

    @Test
    void printsVerificationsPerSecond() {
        MutableClock clock = new MutableClock();
        ServiceAccountKeys keys = ServiceAccountKeys.of(TestTokens.KEY_A, clock);
        FakeObjects objects = new FakeObjects();
        objects.put("serviceaccount/build/builder", BoundObjects.LiveObject.of("uid-sa-builder"));
        BoundTokenIssuer issuer = new BoundTokenIssuer(keys, TestTokens.ISSUER, List.of(), clock);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < TOKENS; i++) {
            String pod = "runner-" + i;
            objects.put("pod/build/" + pod, BoundObjects.LiveObject.of("uid-" + pod));
            TokenRequest request = TokenRequest.forServiceAccount("build", "builder", "uid-sa-builder")
                    .boundTo(null, new BoundObject.Pod(pod, "uid-" + pod, "builder", new BoundObject.Node("node-a", "uid-node-a")));
            tokens.add(((TokenRequestOutcome.Issued) issuer.issue(request)).token());
        }
        ServiceAccountTokenAuthenticator uncached = ServiceAccountTokenAuthenticator.builder(keys, objects, clock)
                .issuers(List.of(TestTokens.ISSUER)).build();
        ServiceAccountTokenAuthenticator cached = ServiceAccountTokenAuthenticator.builder(keys, objects, clock)
                .issuers(List.of(TestTokens.ISSUER)).cache(new VerifiedTokenCache(2 * TOKENS, clock)).build();

        double uncachedRate = measure(uncached, tokens);
        double cachedRate = measure(cached, tokens);
        System.out.printf("kube-authn service-account token verification, 1 thread, %d distinct pod-bound tokens:%n", TOKENS);
        System.out.printf("  uncached (RS256 verify + parse + liveness): %,.0f verifications/s%n", uncachedRate);
        System.out.printf("  cached   (SHA-256 lookup + claims + liveness): %,.0f verifications/s%n", cachedRate);
    }

    private static double measure(ServiceAccountTokenAuthenticator authenticator, List<String> tokens) {
        run(authenticator, tokens, 2_000_000_000L);
        return run(authenticator, tokens, 3_000_000_000L);
    }

    /** Authenticates round-robin for about {@code nanos}; returns verifications per second. */
    private static double run(ServiceAccountTokenAuthenticator authenticator, List<String> tokens, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        long deadline = start + nanos;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) {
                ServiceAccountAuthResult result = authenticator.authenticate(tokens.get((int) (count % tokens.size())));
                if (!(result instanceof ServiceAccountAuthResult.Authenticated)) {
                    throw new AssertionError(result);
                }
                count++;
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
