package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Redaction and managedFields removal against scrubbing.yaml. */
class BodyScrubberTest {
    private static final JsonNode DATA = TestData.load("scrubbing.yaml");

    @TestFactory
    Stream<DynamicTest> bodies() {
        return StreamSupport.stream(DATA.path("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                    JsonNode target = c.path("target");
                    ObjectReference ref = new ObjectReference(TestData.text(target, "resource"), "default", "",
                            "", TestData.text(target, "group"), "v1", "", TestData.text(target, "subresource"));
                    JsonNode input = c.path("input");
                    JsonNode before = input.deepCopy();
                    boolean omitManagedFields = c.path("omitManagedFields").asBoolean(false);

                    JsonNode actual = switch (c.path("body").asText()) {
                        case "object" -> BodyScrubber.object(input, ref, omitManagedFields);
                        case "patch" -> BodyScrubber.patch(input, ref);
                        default -> throw new IllegalArgumentException("unknown body " + c.path("body"));
                    };

                    assertThat(actual).isEqualTo(c.path("expect"));
                    assertThat(input).as("the caller's node is not modified").isEqualTo(before);
                }));
    }

    @TestFactory
    Stream<DynamicTest> requestUris() {
        return StreamSupport.stream(DATA.path("requestUris").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.path("input").asText(), () ->
                        assertThat(RequestUris.redactAccessToken(c.path("input").asText()))
                                .isEqualTo(c.path("expect").asText())));
    }
}
