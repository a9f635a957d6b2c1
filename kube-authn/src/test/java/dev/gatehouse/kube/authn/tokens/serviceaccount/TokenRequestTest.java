package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.authn.tokens.testing.Cases;
import dev.gatehouse.kube.authn.tokens.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code serviceaccount/tokenrequest.yaml}. */
class TokenRequestTest {
    static Stream<Arguments> cases() {
        return Cases.of("serviceaccount/tokenrequest.yaml", "options", "request", "expect");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void issuesLikeTokenRest(String name, JsonNode c) {
        MutableClock clock = new MutableClock();
        ServiceAccountKeys keys = ServiceAccountKeys.of(TestTokens.KEY_A, clock);
        JsonNode o = c.path("options");
        Cases.requireKeys("options", o, Set.of("apiAudiences", "maxExpirationSeconds", "extendExpiration"));
        BoundTokenIssuer.Options options = BoundTokenIssuer.Options.DEFAULT
                .withMaxExpirationSeconds(o.path("maxExpirationSeconds").asLong(0))
                .withExtendExpiration(o.path("extendExpiration").asBoolean(true))
                .withJtiSource(() -> TestTokens.JTI);
        BoundTokenIssuer issuer = new BoundTokenIssuer(keys, TestTokens.ISSUER, Cases.strings(o.get("apiAudiences")), clock, options);

        JsonNode r = c.get("request");
        Cases.requireKeys("request", r, Set.of("audiences", "expirationSeconds", "boundRef", "boundTo", "withoutReference"));
        TokenRequest request = TokenRequest.forServiceAccount("build", "builder", "uid-sa-builder")
                .withAudiences(Cases.strings(r.get("audiences")))
                .withExpirationSeconds(r.has("expirationSeconds") ? r.get("expirationSeconds").asLong() : null);
        if (r.has("boundRef") || r.has("boundTo")) {
            JsonNode ref = r.get("boundRef");
            BoundObject object = r.has("boundTo") ? TestTokens.boundObject(r.get("boundTo")) : null;
            BoundObjectReference reference = r.path("withoutReference").asBoolean(false) ? null : ref == null
                    ? new BoundObjectReference("v1", r.get("boundTo").get("kind").asText(), object.name(), "")
                    : new BoundObjectReference(ref.get("apiVersion").asText(), ref.get("kind").asText(),
                    ref.get("name").asText(), ref.path("uid").asText(""));
            request = request.boundTo(reference, object);
        }

        TokenRequestOutcome outcome = issuer.issue(request);
        JsonNode e = c.get("expect");
        Cases.requireKeys("expect", e, Set.of("code", "message", "causes", "aud", "lifetime", "expirationOffset",
                "warnafterOffset", "warnings", "audit"));
        assertThat(outcome.code()).as("outcome %s", outcome).isEqualTo(e.get("code").asInt());
        if (outcome instanceof TokenRequestOutcome.Issued issued) {
            checkIssued(e, issued, clock);
        } else if (outcome instanceof TokenRequestOutcome.Invalid invalid) {
            assertThat(invalid.message()).isEqualTo(e.get("message").asText());
            if (e.has("causes")) {
                List<String> expected = e.get("causes").findValuesAsText("message");
                assertThat(invalid.violations()).extracting(TokenRequestOutcome.FieldViolation::causeMessage).isEqualTo(expected);
                assertThat(invalid.violations()).extracting(TokenRequestOutcome.FieldViolation::field)
                        .isEqualTo(e.get("causes").findValuesAsText("field"));
            }
        } else if (outcome instanceof TokenRequestOutcome.BadRequest bad) {
            assertThat(bad.message()).isEqualTo(e.get("message").asText());
        } else if (outcome instanceof TokenRequestOutcome.Conflict conflict) {
            assertThat(conflict.message()).isEqualTo(e.get("message").asText());
        }
    }

    private static void checkIssued(JsonNode e, TokenRequestOutcome.Issued issued, MutableClock clock) {
        JsonNode payload = TokenForge.decodeJson(issued.token().split("\\.")[1]);
        long iat = payload.get("iat").asLong();
        assertThat(iat).isEqualTo(clock.instant().getEpochSecond());
        assertThat(payload.get("nbf").asLong()).isEqualTo(iat);
        assertThat(issued.jti()).isEqualTo(TestTokens.JTI);
        if (e.has("aud")) {
            assertThat(Cases.strings(payload.get("aud"))).isEqualTo(Cases.strings(e.get("aud")));
        }
        if (e.has("lifetime")) {
            assertThat(payload.get("exp").asLong() - iat).isEqualTo(e.get("lifetime").asLong());
        }
        if (e.has("expirationOffset")) {
            assertThat(issued.expirationTimestamp().getEpochSecond() - iat).isEqualTo(e.get("expirationOffset").asLong());
        }
        JsonNode warnafter = payload.get("kubernetes.io").get("warnafter");
        if (e.has("warnafterOffset")) {
            assertThat(warnafter).isNotNull();
            assertThat(warnafter.asLong() - iat).isEqualTo(e.get("warnafterOffset").asLong());
        } else {
            assertThat(warnafter).isNull();
        }
        if (e.has("warnings")) {
            assertThat(issued.warnings()).isEqualTo(Cases.strings(e.get("warnings")));
        }
        if (e.has("audit")) {
            assertThat(issued.auditAnnotations()).isEqualTo(Cases.stringMap(e.get("audit")));
        }
    }
}
