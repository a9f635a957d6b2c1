package dev.gatehouse.kube.authn.tokens.tokenfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.authn.tokens.TokenUser;
import dev.gatehouse.kube.authn.tokens.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenFileTest {
    static Stream<Arguments> cases() {
        return Cases.of("tokenfile/tokenfile.yaml", "source", "csv", "users", "absent", "warnings", "error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loadsLikeKubeApiserver(String name, JsonNode c) {
        String source = c.get("source").asText();
        TokenFile.Result result = TokenFile.read(source, c.get("csv").asText());
        if (c.has("error")) {
            JsonNode e = c.get("error");
            assertThat(result).isEqualTo(new TokenFile.Invalid(new TokenFileError(source, e.get("line").asInt(),
                    e.get("column").asInt(), e.get("message").asText())));
            assertThatThrownBy(() -> TokenFile.parse(source, c.get("csv").asText()))
                    .isInstanceOf(TokenFileException.class)
                    .hasMessage(e.get("message").asText());
            return;
        }
        assertThat(result).isInstanceOf(TokenFile.Loaded.class);
        TokenFile file = ((TokenFile.Loaded) result).file();

        JsonNode users = c.get("users");
        assertThat(file.size()).isEqualTo(users.size());
        users.fields().forEachRemaining(entry -> {
            JsonNode u = entry.getValue();
            TokenUser expected = new TokenUser(u.get("name").asText(), u.get("uid").asText(), Cases.strings(u.get("groups")));
            assertThat(file.authenticate(entry.getKey())).as("token %s", entry.getKey()).contains(expected);
        });
        for (String token : Cases.strings(c.get("absent"))) {
            assertThat(file.authenticate(token)).as("token %s", token).isEmpty();
        }
        List<TokenFileWarning> expectedWarnings = new ArrayList<>();
        if (c.has("warnings")) {
            c.get("warnings").forEach(w -> expectedWarnings.add(new TokenFileWarning(w.get("line").asInt(),
                    w.get("recordNumber").asInt(), w.get("message").asText())));
        }
        assertThat(file.warnings()).isEqualTo(expectedWarnings);
    }

    @Test
    void parseWithoutSourceNamesTheDefault() {
        assertThatThrownBy(() -> TokenFile.parse("a,b\n"))
                .isInstanceOf(TokenFileException.class)
                .hasMessage("token file 'token-auth-file' must have at least 3 columns (token, user name, user uid), found 2")
                .extracting(e -> ((TokenFileException) e).error().line()).isEqualTo(1);
    }

    @Test
    void tokensSharingADigestPrefixBucketStayDistinct() {
        // Many tokens make prefix buckets likely to be exercised only by chance; this pins that lookups never
        // confuse entries and that no token matches a prefix or extension of another.
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            csv.append("token-").append(i).append(",user-").append(i).append(",uid-").append(i).append('\n');
        }
        TokenFile file = TokenFile.parse(csv.toString());
        assertThat(file.size()).isEqualTo(2000);
        for (int i = 0; i < 2000; i += 37) {
            assertThat(file.authenticate("token-" + i)).map(TokenUser::name).contains("user-" + i);
            assertThat(file.authenticate("token-" + i + "0" + "x")).isEmpty();
        }
        assertThat(file.authenticate("token-")).isEmpty();
        assertThat(file.authenticate(null)).isEmpty();
        assertThat(file.authenticate("token-1").orElseThrow().extra()).isEqualTo(Map.of());
    }
}
