package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.authn.tokens.testing.Cases;
import dev.gatehouse.kube.authn.tokens.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code serviceaccount/validation.yaml}; see the file's header for the case language. */
class TokenValidationTest {
    private static final String FILE = "serviceaccount/validation.yaml";
    private static final JsonNode DEFAULTS = Cases.file(FILE).get("defaults");
    private static final SigningKey KEY_A = TestTokens.KEY_A;
    private static final SigningKey KEY_B = TestTokens.KEY_B;

    static Stream<Arguments> cases() {
        return Cases.of(FILE, "token", "after", "config", "audiences", "expect")
                .flatMap(a -> Stream.of(
                        Arguments.of(a.get()[0] + " (uncached)", a.get()[1], false),
                        Arguments.of(a.get()[0] + " (cached)", a.get()[1], true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void authenticates(String name, JsonNode c, boolean cached) {
        MutableClock clock = new MutableClock();
        ServiceAccountKeys keys = ServiceAccountKeys.of(KEY_A, clock);
        JsonNode config = c.path("config");
        List<String> issuers = config.has("issuers") ? Cases.strings(config.get("issuers")) : Cases.strings(DEFAULTS.get("issuers"));
        List<String> apiAudiences = Cases.strings(DEFAULTS.get("apiAudiences"));

        String token = token(c.path("token"), keys, issuers.get(0), apiAudiences, clock);
        FakeObjects objects = new FakeObjects();
        DEFAULTS.get("world").fields().forEachRemaining(e -> objects.set(e.getKey(), e.getValue(), token, clock));

        VerifiedTokenCache cache = new VerifiedTokenCache(100, clock);
        ServiceAccountTokenAuthenticator authenticator = ServiceAccountTokenAuthenticator.builder(keys, objects, clock)
                .issuers(issuers)
                .apiAudiences(apiAudiences)
                .legacyTokens(config.path("legacyTokens").asBoolean(true))
                .cache(cached ? cache : null)
                .build();
        List<String> audiences = c.has("audiences") ? Cases.strings(c.get("audiences")) : null;

        ServiceAccountAuthResult warm = cached ? authenticator.authenticate(token, audiences) : null;
        apply(c.path("after"), clock, keys, objects, token);
        long lookupsBefore = objects.lookups.get();
        ServiceAccountAuthResult result = authenticator.authenticate(token, audiences);

        check(c.get("expect"), result);
        if (warm instanceof ServiceAccountAuthResult.Authenticated && result instanceof ServiceAccountAuthResult.Authenticated) {
            assertThat(cache.hits()).as("the second authentication is served from the cache").isEqualTo(1);
            assertThat(objects.lookups.get()).as("a cache hit still checks liveness").isGreaterThan(lookupsBefore);
        }
    }

    private static String token(JsonNode t, ServiceAccountKeys keys, String issuer, List<String> apiAudiences,
                                MutableClock clock) {
        Cases.requireKeys("token", t, Set.of("kind", "audiences", "expirationSeconds", "boundTo", "tamper",
                "payloadPatch", "padAudience", "base", "claims", "alg", "signWith", "kid", "value", "repeat"));
        String kind = t.path("kind").asText("bound");
        String token = switch (kind) {
            case "bound" -> bound(t, keys, issuer, apiAudiences, clock);
            case "legacy" -> new LegacyTokenIssuer(keys).issue("build", "builder", "uid-sa-builder", "builder-token");
            case "forged" -> forged(t, clock);
            case "raw" -> t.has("repeat")
                    ? t.get("repeat").get("text").asText().repeat(t.get("repeat").get("times").asInt())
                    : t.get("value").asText();
            default -> throw new IllegalArgumentException("unknown token kind " + kind);
        };
        return t.has("tamper") ? tamper(token, t.get("tamper").asText(), t.path("payloadPatch"), clock) : token;
    }

    private static String bound(JsonNode t, ServiceAccountKeys keys, String issuer, List<String> apiAudiences,
                                MutableClock clock) {
        BoundTokenIssuer tokens = new BoundTokenIssuer(keys, issuer, apiAudiences, clock,
                BoundTokenIssuer.Options.DEFAULT.withJtiSource(() -> DEFAULTS.get("jti").asText()));
        List<String> audiences = Cases.strings(t.get("audiences"));
        if (t.has("padAudience")) {
            audiences = new ArrayList<>(audiences.isEmpty() ? apiAudiences : audiences);
            audiences.add("x".repeat(t.get("padAudience").asInt()));
        }
        TokenRequest request = TokenRequest.forServiceAccount("build", "builder", "uid-sa-builder")
                .withAudiences(audiences)
                .withExpirationSeconds(t.has("expirationSeconds") ? t.get("expirationSeconds").asLong() : null);
        JsonNode b = t.get("boundTo");
        if (b != null) {
            BoundObject object = TestTokens.boundObject(b);
            request = request.boundTo(new BoundObjectReference("v1", b.get("kind").asText(), object.name(), ""), object);
        }
        TokenRequestOutcome outcome = tokens.issue(request);
        assertThat(outcome).as("issuing the test token").isInstanceOf(TokenRequestOutcome.Issued.class);
        return ((TokenRequestOutcome.Issued) outcome).token();
    }

    private static String forged(JsonNode t, MutableClock clock) {
        ObjectNode claims = DEFAULTS.get("base").get(t.get("base").asText()).deepCopy();
        t.path("claims").fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                claims.remove(e.getKey());
            } else {
                claims.set(e.getKey(), e.getValue());
            }
        });
        SigningKey signer = "key-b".equals(t.path("signWith").asText("key-a")) ? KEY_B : KEY_A;
        SigningKey named = "key-b".equals(t.path("kid").asText(t.path("signWith").asText("key-a"))) ? KEY_B : KEY_A;
        String alg = t.path("alg").asText("RS256");
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("kid", named.keyId());
        String jca = switch (alg) {
            case "RS256" -> "SHA256withRSA";
            case "RS384" -> "SHA384withRSA";
            default -> throw new IllegalArgumentException("unknown alg " + alg);
        };
        return TokenForge.sign(TokenForge.json(header), TokenForge.json(resolve(claims, clock)), signer.privateKey(), jca);
    }

    private static String tamper(String token, String how, JsonNode patch, MutableClock clock) {
        String[] p = TokenForge.parts(token);
        String payload = TokenForge.decodePart(p[1]);
        return switch (how) {
            case "alg-none" -> TokenForge.b64("{\"alg\":\"none\"}") + "." + p[1] + ".";
            case "hs256-public-key" -> TokenForge.hmac("{\"alg\":\"HS256\",\"kid\":\"" + KEY_A.keyId() + "\"}", payload,
                    KEY_A.verificationKey().toPem());
            case "unknown-kid" -> TokenForge.b64("{\"alg\":\"RS256\",\"kid\":\"unknown\"}") + "." + p[1] + "." + p[2];
            case "no-kid" -> TokenForge.sign("{\"alg\":\"RS256\"}", payload, KEY_A.privateKey(), "SHA256withRSA");
            case "crit" -> TokenForge.sign("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1,\"kid\":\"" + KEY_A.keyId() + "\"}",
                    payload, KEY_A.privateKey(), "SHA256withRSA");
            case "truncate-signature" -> token.substring(0, token.length() - 4);
            case "payload" -> {
                Map<String, JsonNode> changes = new LinkedHashMap<>();
                resolve((ObjectNode) patch.deepCopy(), clock).fields().forEachRemaining(e -> changes.put(e.getKey(), e.getValue()));
                yield TokenForge.patchPayload(token, changes);
            }
            default -> throw new IllegalArgumentException("unknown tamper " + how);
        };
    }

    /** Replaces "$now", "$now+N" and "$now-N" strings by NumericDates. */
    private static ObjectNode resolve(ObjectNode node, MutableClock clock) {
        long now = clock.instant().getEpochSecond();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String text = e.getValue().isTextual() ? e.getValue().asText() : "";
            if (text.startsWith("$now")) {
                long offset = text.length() > 4 ? Long.parseLong(text.substring(4).replace("+", "")) : 0;
                e.setValue(JsonNodeFactory.instance.numberNode(now + offset));
            }
        }
        return node;
    }

    private static void apply(JsonNode after, MutableClock clock, ServiceAccountKeys keys, FakeObjects objects,
                              String token) {
        Cases.requireKeys("after", after, Set.of("advance", "rotate", "delete", "set"));
        if (after.has("rotate")) {
            keys.rotate(KEY_B, Duration.ofSeconds(after.get("rotate").get("retainSeconds").asLong()));
        }
        if (after.has("advance")) {
            clock.advance(Duration.ofSeconds(after.get("advance").asLong()));
        }
        Cases.strings(after.get("delete")).forEach(objects::remove);
        after.path("set").fields().forEachRemaining(e -> objects.set(e.getKey(), e.getValue(), token, clock));
    }

    private static void check(JsonNode expect, ServiceAccountAuthResult result) {
        Cases.requireKeys("expect", expect, Set.of("result", "reason", "user", "uid", "groups", "extra", "audiences", "audit"));
        switch (expect.get("result").asText()) {
            case "notApplicable" -> assertThat(result).isInstanceOf(ServiceAccountAuthResult.NotApplicable.class);
            case "rejected" -> {
                assertThat(result).isInstanceOf(ServiceAccountAuthResult.Rejected.class);
                assertThat(((ServiceAccountAuthResult.Rejected) result).reason()).isEqualTo(expect.get("reason").asText());
            }
            case "authenticated" -> {
                assertThat(result).as("result %s", result).isInstanceOf(ServiceAccountAuthResult.Authenticated.class);
                ServiceAccountAuthResult.Authenticated ok = (ServiceAccountAuthResult.Authenticated) result;
                if (expect.has("user")) {
                    assertThat(ok.user().name()).isEqualTo(expect.get("user").asText());
                }
                if (expect.has("uid")) {
                    assertThat(ok.user().uid()).isEqualTo(expect.get("uid").asText());
                }
                if (expect.has("groups")) {
                    assertThat(ok.user().groups()).isEqualTo(Cases.strings(expect.get("groups")));
                }
                if (expect.has("extra")) {
                    assertThat(ok.user().extra()).isEqualTo(Cases.stringListMap(expect.get("extra")));
                }
                if (expect.has("audiences")) {
                    assertThat(ok.audiences()).isEqualTo(Cases.strings(expect.get("audiences")));
                }
                if (expect.has("audit")) {
                    assertThat(ok.auditAnnotations()).isEqualTo(Cases.stringMap(expect.get("audit")));
                }
            }
            default -> throw new IllegalArgumentException("unknown result " + expect.get("result"));
        }
        if (!expect.get("result").asText().equals("rejected")) {
            assertThat(expect.has("reason")).as("only rejections have reasons").isFalse();
        }
    }
}
