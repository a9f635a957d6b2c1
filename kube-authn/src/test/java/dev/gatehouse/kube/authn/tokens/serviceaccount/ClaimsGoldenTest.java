package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.authn.tokens.testing.Cases;
import dev.gatehouse.kube.authn.tokens.testing.Golden;
import dev.gatehouse.kube.authn.tokens.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code serviceaccount/claims.yaml}: issued tokens' exact header and payload, and a JDK-checked signature. */
class ClaimsGoldenTest {
    static Stream<Arguments> cases() {
        return Cases.of("serviceaccount/claims.yaml", "request", "legacy", "golden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void issuesUpstreamClaims(String name, JsonNode c) throws Exception {
        MutableClock clock = new MutableClock();
        ServiceAccountKeys keys = ServiceAccountKeys.of(TestTokens.KEY_A, clock);
        String token;
        if (c.has("legacy")) {
            token = new LegacyTokenIssuer(keys).issue("build", "builder", "uid-sa-builder", c.get("legacy").get("secret").asText());
        } else {
            JsonNode r = c.get("request");
            BoundTokenIssuer issuer = new BoundTokenIssuer(keys, TestTokens.ISSUER, List.of(), clock,
                    BoundTokenIssuer.Options.DEFAULT.withJtiSource(() -> TestTokens.JTI));
            TokenRequest request = TokenRequest.forServiceAccount("build", "builder", "uid-sa-builder")
                    .withAudiences(Cases.strings(r.get("audiences")))
                    .withExpirationSeconds(r.has("expirationSeconds") ? r.get("expirationSeconds").asLong() : null);
            if (r.has("boundTo")) {
                request = request.boundTo(null, TestTokens.boundObject(r.get("boundTo")));
            }
            token = ((TokenRequestOutcome.Issued) issuer.issue(request)).token();
        }
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Base64.Decoder b64 = Base64.getUrlDecoder();
        String decoded = new String(b64.decode(parts[0]), StandardCharsets.UTF_8) + "\n"
                + new String(b64.decode(parts[1]), StandardCharsets.UTF_8) + "\n";
        Golden.assertMatches(c.get("golden").asText(), decoded);

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(TestTokens.KEY_A.publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(b64.decode(parts[2]))).as("RS256 signature verifies with the JDK").isTrue();
        assertThat(token).doesNotContain("=");
    }
}
