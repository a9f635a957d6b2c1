package dev.gatehouse.kube.meta.names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.FieldErrors;
import dev.gatehouse.kube.meta.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NameValidationTest {

    static Stream<Arguments> formatCases() {
        return Cases.of("names/formats.yaml", "rule", "value", "prefix", "errors");
    }

    static Stream<Arguments> metaCases() {
        return Cases.of("names/object-meta.yaml", "op", "group", "resource", "namespaced", "metadata", "old",
                "errors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatCases")
    void checksNameFormats(String name, JsonNode c) {
        NameRule rule = NameRule.valueOf(c.get("rule").asText());
        List<String> problems = rule.check(c.get("value").asText(), c.path("prefix").asBoolean(false));
        assertThat(problems).containsExactlyElementsOf(Cases.strings(c.get("errors")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metaCases")
    void validatesObjectMeta(String name, JsonNode c) {
        List<FieldError> errors = switch (c.get("op").asText()) {
            case "create" -> ObjectMetaValidator.validateCreate(c.get("metadata"), c.get("namespaced").asBoolean(),
                    NameRule.forResource(c.get("group").asText(), c.get("resource").asText()));
            case "update" -> ObjectMetaValidator.validateUpdate(c.get("metadata"), c.get("old"));
            default -> throw new IllegalArgumentException(c.get("op").asText());
        };
        JsonNode expected = c.get("errors");
        assertThat(errors).as("errors %s", errors).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            FieldError actual = errors.get(i);
            if (e.isTextual()) {
                assertThat(actual.message()).isEqualTo(e.asText());
            } else {
                assertThat(actual.field()).isEqualTo(e.get("field").asText());
                assertThat(actual.type().causeType()).isEqualTo(e.get("type").asText());
                assertThat(actual.detail()).isEqualTo(e.get("detail").asText());
            }
        }
    }

    @Test
    void annotationsMayHoldAtMost256KiB() {
        ObjectNode metadata = new ObjectMapper().createObjectNode().put("name", "a").put("namespace", "b");
        metadata.putObject("annotations").put("k", "v".repeat(256 * 1024 - 1));
        assertThat(ObjectMetaValidator.validateCreate(metadata, true, NameRule.DNS1123_SUBDOMAIN)).isEmpty();
        ((ObjectNode) metadata.get("annotations")).put("k", "v".repeat(256 * 1024));
        assertThat(ObjectMetaValidator.validateCreate(metadata, true, NameRule.DNS1123_SUBDOMAIN))
                .extracting(FieldError::message)
                .containsExactly("metadata.annotations: Too long: may not be more than 262144 bytes");
    }

    @Test
    void theInvalidStatusMessageAggregatesCauses() {
        ObjectNode metadata = new ObjectMapper().createObjectNode().put("name", "Demo_");
        List<FieldError> errors = ObjectMetaValidator.validateCreate(metadata, true, NameRule.DNS1123_SUBDOMAIN);
        String message = FieldErrors.invalidStatusMessage("ConfigMap", "Demo_", errors);
        assertThat(message).startsWith("ConfigMap \"Demo_\" is invalid: [metadata.name: Invalid value: \"Demo_\": ")
                .endsWith(", metadata.namespace: Required value]");
        assertThat(errors.get(0).body()).startsWith("Invalid value: \"Demo_\": a lowercase RFC 1123 subdomain");
        assertThat(errors.get(0).type().causeType()).isEqualTo("FieldValueInvalid");
        assertThat(FieldErrors.invalidStatusMessage("ConfigMap", "x", errors.subList(1, 2)))
                .isEqualTo("ConfigMap \"x\" is invalid: metadata.namespace: Required value");
    }

    @Test
    void generatedNamesKeepAtMost58CharactersOfTheBase() {
        String generated = NameGenerator.generate("x".repeat(70), new Random(1));
        assertThat(generated).hasSize(63).startsWith("x".repeat(58));
        assertThat(generated.substring(58)).matches("[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(NameRule.DNS1123_SUBDOMAIN.check(NameGenerator.generate("web-", new Random(2)), false)).isEmpty();
    }

    @Test
    void lengthsAreCountedInUtf8Bytes() {
        assertThat(NameFormats.byteLength("é")).isEqualTo(2);
        assertThat(NameFormats.byteLength("😀")).isEqualTo(4);
        assertThat(NameFormats.labelValue("é".repeat(32))).contains("must be no more than 63 characters");
    }
}
