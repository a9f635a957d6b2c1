package dev.gatehouse.kube.jwt.oidc;

import static dev.gatehouse.kube.jwt.testing.Cases.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Issuer;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Jwt;
import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import dev.gatehouse.kube.jwt.testing.Cases;
import dev.gatehouse.kube.jwt.testing.TestIssuer;
import dev.gatehouse.kube.jwt.testing.TestKeys;
import dev.gatehouse.kube.jwt.testing.TestPki;
import dev.gatehouse.kube.jwt.testing.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The token table ({@code jwt/token-cases.yaml}) against a real local HTTPS issuer. */
class JwtAuthenticatorTest {

    static final Instant NOW = Instant.parse("2009-11-10T23:00:00Z");
    static final Instant VALID = NOW.plusSeconds(3600);
    static final Instant EXPIRED = NOW.minusSeconds(3600);
    static final Instant NBF_NEAR = NOW.plusSeconds(30);
    static final Instant NBF_FAR = NOW.plusSeconds(120);

    private static TestPki pki;
    private static TestIssuer issuer;

    @BeforeAll
    static void startIssuer() {
        pki = TestPki.shared();
        issuer = TestIssuer.start(pki);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    static Stream<Arguments> cases() {
        return Cases.load("/jwt/token-cases.yaml");
    }

    static Cases.Templates templates(String url) {
        return new Cases.Templates(Map.of(
                "URL", url,
                "now", Long.toString(NOW.getEpochSecond()),
                "valid", Long.toString(VALID.getEpochSecond()),
                "expired", Long.toString(EXPIRED.getEpochSecond()),
                "nbfNear", Long.toString(NBF_NEAR.getEpochSecond()),
                "nbfFar", Long.toString(NBF_FAR.getEpochSecond()),
                "nowGo", GoFormat.time(Optional.of(NOW)),
                "expiredGo", GoFormat.time(Optional.of(EXPIRED)),
                "nbfFarGo", GoFormat.time(Optional.of(NBF_FAR))));
    }

    /** Reads a jwt[] entry from YAML and gives it the test CA when the case names none. */
    static Jwt jwtEntry(String yaml, String caPem) {
        String document = "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n- "
                + yaml.strip().replace("\n", "\n  ") + "\n";
        Jwt jwt = AuthenticationConfiguration.decode(document).jwt().get(0);
        Issuer i = jwt.issuer();
        if (!i.certificateAuthority().isEmpty()) {
            return jwt;
        }
        Issuer withCa = new Issuer(i.url(), i.discoveryURL(), caPem, i.audiences(), i.audienceMatchPolicy());
        return new Jwt(withCa, jwt.claimValidationRules(), jwt.claimMappings(), jwt.userValidationRules());
    }

    static JwtOptions options(Instant now) {
        return JwtOptions.defaults().withClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void token(String name, JsonNode c) {
        Cases.Templates t = templates(issuer.url());
        String signingKey = text(c, "signingKey").isEmpty() ? "rsa1" : text(c, "signingKey");
        List<String> published = c.has("published") ? Cases.strings(c.get("published")) : List.of(signingKey);
        issuer.reset(published.stream().map(TestKeys::publicKey).toList());
        if (!text(c, "discoveryIssuer").isEmpty()) {
            issuer.discoveryIssuer(t.apply(text(c, "discoveryIssuer")));
        }
        JwtOptions configured = options(NOW).withDisallowedIssuers(
                new HashSet<>(Cases.strings(c.get("disallowedIssuers")).stream().map(t::apply).toList()));
        JwtOptions options = c.has("signingAlgs")
                ? configured.withSigningAlgorithms(new HashSet<>(Cases.strings(c.get("signingAlgs"))))
                : configured;
        Jwt entry = jwtEntry(t.apply(text(c, "authenticator")), pki.caPem());

        if (!text(c, "wantInitErr").isEmpty()) {
            assertThatThrownBy(() -> JwtAuthenticator.create(entry, options))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage(t.apply(text(c, "wantInitErr")));
            return;
        }
        JwtAuthenticator authenticator = JwtAuthenticator.create(entry, options);
        String token = token(c, signingKey, t.apply(text(c, "claims")));

        TokenAuthenticationResult result = authenticator.authenticate(token);

        if (!text(c, "wantErr").isEmpty()) {
            assertThat(result).isEqualTo(new TokenAuthenticationResult.Rejected(t.apply(text(c, "wantErr"))));
        } else if (c.path("wantSkip").asBoolean()) {
            assertThat(result).isInstanceOf(TokenAuthenticationResult.NotApplicable.class);
            if (!text(c, "wantReason").isEmpty()) {
                assertThat(((TokenAuthenticationResult.NotApplicable) result).reason())
                        .isEqualTo(t.apply(text(c, "wantReason")));
            }
        } else {
            assertThat(result).isEqualTo(Cases.user(c.get("want"), t));
        }
    }

    private static String token(JsonNode c, String signingKey, String claims) {
        String kidName = text(c, "kid").isEmpty() ? signingKey : text(c, "kid");
        String kid = kidName.equals("none") ? null : TestKeys.publicKey(kidName).getKeyID();
        JWSAlgorithm alg = text(c, "alg").isEmpty() ? TestKeys.defaultAlgorithm(signingKey)
                : JWSAlgorithm.parse(text(c, "alg"));
        String signed = Tokens.signed(signingKey, alg, kid, claims);
        String[] parts = signed.split("\\.");
        return switch (text(c, "token")) {
            case "" -> signed;
            case "none-alg" -> Tokens.unsigned(kid, claims);
            case "hs256-public-key" -> Tokens.hs256WithPublicKey(signingKey, kid, claims);
            case "garbage" -> "this-is-not-a-token";
            case "truncated" -> signed.substring(0, parts[0].length() + 1 + parts[1].length() / 2);
            case "truncated-signature" -> signed.substring(0, signed.length() - 10);
            case "oversized" -> Tokens.signed(signingKey, alg, kid,
                    claims.replaceFirst("\\{", "{\"pad\":\"" + "x".repeat(17 * 1024) + "\","));
            case "json-serialization" -> "{\"payload\":\"" + parts[1] + "\",\"signatures\":[]}";
            case "bad-header-base64" -> "e30!." + parts[1] + "." + parts[2];
            default -> throw new IllegalArgumentException("unknown token kind " + text(c, "token"));
        };
    }
}
