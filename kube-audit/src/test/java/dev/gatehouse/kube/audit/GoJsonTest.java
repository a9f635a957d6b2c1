package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Go encoding/json string escaping and float formatting against go-json.yaml. */
class GoJsonTest {
    private static final JsonNode DATA = TestData.load("go-json.yaml");

    @TestFactory
    Stream<DynamicTest> strings() {
        return StreamSupport.stream(DATA.path("strings").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.path("expect").asText(), () -> {
                    StringBuilder out = new StringBuilder();
                    GoJson.string(out, c.path("input").asText());
                    assertThat(out.toString()).isEqualTo(c.path("expect").asText());
                    // Whatever Go escapes, the result must still read back as the same string.
                    assertThat(TestData.JSON.readTree(out.toString()).asText()).isEqualTo(c.path("input").asText());
                }));
    }

    @TestFactory
    Stream<DynamicTest> floats() {
        return StreamSupport.stream(DATA.path("floats").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.path("expect").asText(), () ->
                        assertThat(GoJson.float64(Double.parseDouble(c.path("input").asText())))
                                .isEqualTo(c.path("expect").asText())));
    }
}
