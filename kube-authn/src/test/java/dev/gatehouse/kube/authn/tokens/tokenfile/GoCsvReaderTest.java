package dev.gatehouse.kube.authn.tokens.tokenfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.authn.tokens.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GoCsvReaderTest {
    static Stream<Arguments> cases() {
        return Cases.of("tokenfile/csv.yaml", "input", "records", "error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsLikeGo(String name, JsonNode c) {
        GoCsvReader reader = new GoCsvReader(c.get("input").asText());
        List<List<String>> records = new ArrayList<>();
        GoCsvReader.Failure failure = null;
        while (true) {
            GoCsvReader.Read read = reader.next();
            if (read instanceof GoCsvReader.End) {
                break;
            }
            if (read instanceof GoCsvReader.Failure f) {
                failure = f;
                break;
            }
            records.add(((GoCsvReader.Row) read).fields());
        }
        if (c.has("error")) {
            JsonNode e = c.get("error");
            assertThat(failure).as("expected a parse error").isNotNull();
            assertThat(failure).isEqualTo(new GoCsvReader.Failure(e.get("startLine").asInt(), e.get("line").asInt(),
                    e.get("column").asInt(), e.get("message").asText()));
        } else {
            assertThat(failure).as("unexpected parse error").isNull();
            List<List<String>> expected = new ArrayList<>();
            c.get("records").forEach(r -> expected.add(Cases.strings(r)));
            assertThat(records).isEqualTo(expected);
        }
    }
}
