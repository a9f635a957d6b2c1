package dev.gatehouse.kube.jwt.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Authenticated;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.NotApplicable;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Rejected;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration;
import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.testing.TestIssuer;
import dev.gatehouse.kube.jwt.testing.TestKeys;
import dev.gatehouse.kube.jwt.testing.TestPki;
import dev.gatehouse.kube.jwt.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The union of several issuers: the unverified iss picks the authenticator. */
class JwtAuthenticatorsTest {

    private static TestIssuer issuer;
    private static JwtAuthenticators authenticators;

    @BeforeAll
    static void setUp() {
        issuer = TestIssuer.start(TestPki.shared());
        issuer.reset(List.of(TestKeys.publicKey("rsa1"), TestKeys.publicKey("ec256")));
        String ca = TestPki.shared().caPem().replace("\n", "\\n");
        AuthenticationConfiguration config = AuthenticationConfiguration.parse("""
                apiVersion: apiserver.config.k8s.io/v1beta1
                kind: AuthenticationConfiguration
                jwt:
                - issuer: {url: "%1$s/team-a", audiences: [cluster-a], certificateAuthority: "%2$s"}
                  claimMappings: {username: {claim: sub, prefix: "a:"}}
                - issuer: {url: "%1$s/team-b", audiences: [cluster-a], certificateAuthority: "%2$s"}
                  claimMappings:
                    username: {claim: sub, prefix: "b:"}
                    groups: {claim: groups, prefix: "b:"}
                """.formatted(issuer.url(), ca));
        authenticators = JwtAuthenticators.create(config, JwtAuthenticatorTest.options(JwtAuthenticatorTest.NOW));
    }

    @AfterAll
    static void tearDown() {
        issuer.close();
    }

    private static String token(String key, String iss, String extraClaims) {
        return Tokens.signed(key, TestKeys.defaultAlgorithm(key), TestKeys.publicKey(key).getKeyID(),
                "{\"iss\":\"" + iss + "\",\"aud\":\"cluster-a\",\"sub\":\"jane\",\"exp\":"
                        + JwtAuthenticatorTest.VALID.getEpochSecond() + extraClaims + "}");
    }

    @Test
    void eachIssuerMapsWithItsOwnRules() {
        assertThat(authenticators.authenticate(token("rsa1", issuer.url() + "/team-a", "")))
                .isEqualTo(new Authenticated("a:jane", "", List.of(), Map.of()));
        assertThat(authenticators.authenticate(token("ec256", issuer.url() + "/team-b", ",\"groups\":[\"dev\"]")))
                .isEqualTo(new Authenticated("b:jane", "", List.of("b:dev"), Map.of()));
    }

    @Test
    void tokensOfOtherIssuersAreNotApplicable() {
        assertThat(authenticators.authenticate(token("rsa1", "https://elsewhere.example.com", "")))
                .isEqualTo(new NotApplicable("no JWT authenticator for issuer \"https://elsewhere.example.com\""));
        assertThat(authenticators.authenticate("not.a.jwt")).isInstanceOf(NotApplicable.class);
        assertThat(authenticators.authenticate("")).isEqualTo(new NotApplicable("malformed token"));
    }

    @Test
    void failuresOfTheMatchingIssuerAreFinal() {
        String expired = Tokens.signed("rsa1", TestKeys.defaultAlgorithm("rsa1"), TestKeys.publicKey("rsa1").getKeyID(),
                "{\"iss\":\"" + issuer.url() + "/team-a\",\"aud\":\"cluster-b\",\"sub\":\"jane\",\"exp\":1}");
        assertThat(authenticators.authenticate(expired)).isEqualTo(new Rejected(
                "oidc: verify token: oidc: expected audience \"cluster-a\" got [\"cluster-b\"]"));
    }

    @Test
    void oversizedTokensAreRejectedUnparsed() {
        String huge = "e30." + "A".repeat(16 * 1024) + ".sig";
        assertThat(authenticators.authenticate(huge)).isEqualTo(new Rejected("token is larger than 16384 bytes"));
    }

    @Test
    void programmaticConfigurationsAreValidatedToo() {
        AuthenticationConfiguration config = new AuthenticationConfiguration("apiserver.config.k8s.io/v1beta1",
                List.of(authenticators.authenticators().get(0).config(), authenticators.authenticators().get(0).config()),
                java.util.Optional.empty());
        assertThatThrownBy(() -> JwtAuthenticators.create(config, JwtOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("jwt[1].issuer.url: Duplicate value: \"" + issuer.url() + "/team-a\"");
        AuthenticationConfiguration single = new AuthenticationConfiguration("apiserver.config.k8s.io/v1beta1",
                List.of(config.jwt().get(0)), java.util.Optional.empty());
        assertThatThrownBy(() -> JwtAuthenticators.create(single,
                        JwtOptions.defaults().withDisallowedIssuers(Set.of(issuer.url() + "/team-a"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("URL must not overlap with disallowed issuers");
    }
}
