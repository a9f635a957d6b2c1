package dev.gatehouse.kube.meta.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorTest {

    static Stream<Arguments> cases() {
        return Cases.of("validation/errors.yaml", "error", "message");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersLikeUpstream(String name, JsonNode c) {
        JsonNode e = c.get("error");
        FieldPath path = FieldPath.root(e.get("path").asText());
        Object value = e.has("value") ? (e.get("value").isArray() ? Cases.strings(e.get("value"))
                : Cases.scalar(e.get("value"))) : null;
        String detail = e.path("detail").asText("");
        FieldError error = switch (e.get("factory").asText()) {
            case "invalid" -> FieldError.invalid(path, value, detail);
            case "required" -> FieldError.required(path, detail);
            case "forbidden" -> FieldError.forbidden(path, detail);
            case "notSupported" -> FieldError.notSupported(path, value, Cases.strings(e.get("supported")));
            case "tooLong" -> FieldError.tooLong(path, e.get("max").asInt());
            case "tooMany" -> FieldError.tooMany(path, e.get("actual").asInt(), e.get("max").asInt());
            case "duplicate" -> FieldError.duplicate(path, value);
            case "internal" -> FieldError.internal(path, detail);
            default -> throw new IllegalArgumentException(e.get("factory").asText());
        };
        assertThat(error.message()).isEqualTo(c.get("message").asText());
    }

    @Test
    void pathsRenderDotsAndSubscripts() {
        FieldPath p = FieldPath.root("spec").child("containers").index(0).child("env").key("HOME");
        assertThat(p).hasToString("spec.containers[0].env[HOME]");
        assertThat(FieldPath.childOf(null, "values").index(1).key("app")).hasToString("values[1][app]");
        assertThat(FieldPath.render(null)).isEqualTo("<nil>");
    }

    @Test
    void aggregationDropsDuplicatesAndBracketsSeveral() {
        FieldError a = FieldError.required(FieldPath.root("a"), "");
        FieldError b = FieldError.required(FieldPath.root("b"), "");
        assertThat(FieldErrors.aggregate(List.of(a))).isEqualTo("a: Required value");
        assertThat(FieldErrors.aggregate(List.of(a, a))).isEqualTo("a: Required value");
        assertThat(FieldErrors.aggregate(List.of(a, b))).isEqualTo("[a: Required value, b: Required value]");
        assertThat(FieldErrors.aggregate(List.of())).isEmpty();
        assertThat(FieldErrors.invalidStatusMessage("Role.rbac.authorization.k8s.io", "r", List.of()))
                .isEqualTo("Role.rbac.authorization.k8s.io \"r\" is invalid");
    }

    @Test
    void goFloatFormatting() {
        assertThat(GoFormat.formatFloat(0.5)).isEqualTo("0.5");
        assertThat(GoFormat.formatFloat(123456)).isEqualTo("123456");
        assertThat(GoFormat.formatFloat(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoFormat.formatFloat(0.0001)).isEqualTo("0.0001");
        assertThat(GoFormat.formatFloat(0.00001)).isEqualTo("1e-05");
        assertThat(GoFormat.formatFloat(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(GoFormat.formatFloat(1e21)).isEqualTo("1e+21");
        assertThat(GoFormat.formatFloat(0)).isEqualTo("0");
    }

    @Test
    void goQuotingOfSupplementaryAndUnprintableCharacters() {
        assertThat(GoFormat.quote("😀")).isEqualTo("\"😀\"");
        assertThat(GoFormat.quote("\u200b")).isEqualTo("\"\\u200b\"");
        assertThat(GoFormat.quote("\u007f")).isEqualTo("\"\\x7f\"");
        assertThat(GoFormat.quote("\u0007\u000b")).isEqualTo("\"\\a\\v\"");
    }
}
