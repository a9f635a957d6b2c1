package dev.gatehouse.kube.jwt.config;

import static dev.gatehouse.kube.jwt.testing.Cases.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Jwt;
import dev.gatehouse.kube.jwt.testing.Cases;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The legacy flag conversion ({@code config/legacy-flags-cases.yaml}). */
class LegacyOidcFlagsTest {

    static Stream<Arguments> cases() {
        return Cases.load("/config/legacy-flags-cases.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void converts(String name, JsonNode c) {
        JsonNode f = c.get("flags");
        LegacyOidcFlags defaults = LegacyOidcFlags.of(text(f, "issuerUrl"), text(f, "clientId"));
        Map<String, String> required = new LinkedHashMap<>();
        f.path("requiredClaims").fields().forEachRemaining(e -> required.put(e.getKey(), e.getValue().asText()));
        LegacyOidcFlags flags = new LegacyOidcFlags(defaults.issuerUrl(), defaults.clientId(), "",
                f.has("usernameClaim") ? text(f, "usernameClaim") : defaults.usernameClaim(),
                text(f, "usernamePrefix"), text(f, "groupsClaim"), text(f, "groupsPrefix"), Set.of("RS256"), required);

        Optional<Jwt> jwt = flags.toJwt();

        if (c.path("wantNone").asBoolean()) {
            assertThat(jwt).isEmpty();
            return;
        }
        JsonNode want = c.get("want");
        Jwt entry = jwt.orElseThrow();
        assertThat(entry.issuer().audiences()).containsExactly(flags.clientId());
        assertThat(entry.claimMappings().username().claim()).isEqualTo(text(want, "usernameClaim"));
        assertThat(entry.claimMappings().username().prefix()).contains(text(want, "usernamePrefix"));
        assertThat(entry.claimMappings().groups().claim()).isEqualTo(text(want, "groupsClaim"));
        if (want.has("groupsPrefix")) {
            assertThat(entry.claimMappings().groups().prefix()).contains(text(want, "groupsPrefix"));
        }
        assertThat(entry.claimValidationRules().stream().map(r -> r.claim() + "=" + r.requiredValue()).toList())
                .isEqualTo(Cases.strings(want.get("requiredClaims")));
        assertThat(ConfigValidator.validateJwt(entry, FieldPath.none(), Set.of()).errors()).isEmpty();
    }
}
