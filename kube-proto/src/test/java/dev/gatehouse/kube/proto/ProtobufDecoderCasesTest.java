package dev.gatehouse.kube.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: every case in cases/*.yaml must decode to exactly its expected JSON. */
class ProtobufDecoderCasesTest {

    private static final List<String> TABLES = List.of("rbac.yaml", "core.yaml", "workloads.yaml", "reviews.yaml",
            "encoding.yaml");

    /** One case; the object's fields are the {@link TypedMessage} fields, flattened. */
    record DecodeCase(String name, String apiVersion, String kind, String message, Boolean gogoZeroValues,
            Map<String, TypedMessage> embed, String appendMessage, String appendHex, String expected) {

        TypedMessage typedMessage() {
            return new TypedMessage(apiVersion, kind, message, gogoZeroValues, embed, appendMessage, appendHex);
        }
    }

    static Stream<Named<DecodeCase>> cases() {
        return TABLES.stream()
                .flatMap(table -> TestData.load("cases/" + table, DecodeCase.class).stream()
                        .map(c -> Named.of(table + ": " + c.name(), c)));
    }

    private final ProtobufDecoder decoder = new ProtobufDecoder();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesToTheJsonAJsonClientWouldSend(DecodeCase testCase) throws ProtobufDecodeException {
        DecodedObject decoded = decoder.decode(testCase.typedMessage().body());

        JsonNode expected = TestData.json(testCase.expected());
        assertThat(TestData.pretty(decoded.object())).isEqualTo(TestData.pretty(sortedLike(expected, decoded.object())));
        assertThat(decoded.object()).isEqualTo(expected);
        assertThat(decoded.kind()).isEqualTo(testCase.kind());
        assertThat(decoded.apiVersion()).isEqualTo(testCase.apiVersion());
    }

    /**
     * {@code expected} with its members in the order {@code actual} has them, so that a failure shows a readable
     * diff of contents; member order itself is checked by none of the cases (JSON objects are unordered).
     */
    private static JsonNode sortedLike(JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            var sorted = TestData.JSON.createObjectNode();
            actual.fieldNames().forEachRemaining(name -> {
                if (expected.has(name)) {
                    sorted.set(name, sortedLike(expected.get(name), actual.get(name)));
                }
            });
            expected.fieldNames().forEachRemaining(name -> {
                if (!sorted.has(name)) {
                    sorted.set(name, expected.get(name));
                }
            });
            return sorted;
        }
        if (expected.isArray() && actual.isArray()) {
            var sorted = TestData.JSON.createArrayNode();
            for (int i = 0; i < expected.size(); i++) {
                sorted.add(i < actual.size() ? sortedLike(expected.get(i), actual.get(i)) : expected.get(i));
            }
            return sorted;
        }
        return expected;
    }
}
