package dev.gatehouse.kube.jwt.config;

import static dev.gatehouse.kube.jwt.testing.Cases.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.jwt.testing.Cases;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Decoding and validation of the configuration file ({@code config/config-cases.yaml}). */
class AuthenticationConfigurationTest {

    static Stream<Arguments> cases() {
        return Cases.load("/config/config-cases.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse(String name, JsonNode c) {
        String document = c.has("generateJwt") ? generated(c.get("generateJwt").asInt()) : text(c, "config");
        Set<String> disallowed = new HashSet<>(Cases.strings(c.get("disallowedIssuers")));
        if (c.has("wantErr")) {
            assertThatThrownBy(() -> AuthenticationConfiguration.parse(document, disallowed))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage(text(c, "wantErr"));
        } else {
            AuthenticationConfiguration config = AuthenticationConfiguration.parse(document, disallowed);
            assertThat(config.jwt()).hasSize(c.path("wantJwt").asInt());
        }
    }

    private static String generated(int count) {
        StringBuilder doc = new StringBuilder("apiVersion: apiserver.config.k8s.io/v1beta1\n"
                + "kind: AuthenticationConfiguration\njwt:\n");
        for (int i = 0; i < count; i++) {
            doc.append("- issuer: {url: \"https://issuer-").append(i).append(".example.com\", audiences: [a]}\n")
                    .append("  claimMappings: {username: {claim: sub, prefix: \"\"}}\n");
        }
        return doc.toString();
    }

    @Test
    void validationErrorsAreDataWithPathsAndMessages() {
        String document = """
                apiVersion: apiserver.config.k8s.io/v1beta1
                kind: AuthenticationConfiguration
                jwt:
                - issuer: {url: "http://x", audiences: [a]}
                  claimMappings: {username: {claim: sub}}
                """;
        assertThatThrownBy(() -> AuthenticationConfiguration.parse(document))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field, FieldError::type)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("jwt[0].issuer.url", FieldError.Type.INVALID),
                                org.assertj.core.groups.Tuple.tuple("jwt[0].claimMappings.username.prefix",
                                        FieldError.Type.REQUIRED)));
    }

    @Test
    void decodedValuesKeepAbsentAndEmptyPrefixApart() {
        AuthenticationConfiguration config = AuthenticationConfiguration.parse("""
                apiVersion: apiserver.config.k8s.io/v1beta1
                kind: AuthenticationConfiguration
                jwt:
                - issuer: {url: "https://x", audiences: [a]}
                  claimMappings:
                    username: {claim: sub, prefix: ""}
                    groups: {expression: claims.groups}
                """);
        AuthenticationConfiguration.ClaimMappings mappings = config.jwt().get(0).claimMappings();
        assertThat(mappings.username().prefix()).contains("");
        assertThat(mappings.groups().prefix()).isEmpty();
        assertThat(config.apiVersion()).isEqualTo("apiserver.config.k8s.io/v1beta1");
    }
}
