package dev.gatehouse.kube.meta.labels;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldPath;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelSelectorTest {

    static Stream<Arguments> parseCases() {
        return Cases.of("labels/parse.yaml", "selector", "string", "matches", "error");
    }

    static Stream<Arguments> jsonCases() {
        return Cases.of("labels/from-json.yaml", "selector", "string", "matches", "error");
    }

    static Stream<Arguments> validationCases() {
        return Cases.of("labels/validate.yaml", "selector", "errors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseCases")
    void parsesStringSelectors(String name, JsonNode c) {
        check(c, () -> LabelSelector.parse(c.get("selector").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonCases")
    void convertsSelectorObjects(String name, JsonNode c) {
        check(c, () -> LabelSelector.fromJson(c.get("selector")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validationCases")
    void validatesSelectorObjects(String name, JsonNode c) {
        List<FieldError> errors = LabelSelectorValidator.validate(c.get("selector"), FieldPath.root("spec", "selector"));
        assertThat(errors).extracting(FieldError::message).containsExactlyElementsOf(Cases.strings(c.get("errors")));
    }

    private static void check(JsonNode c, Supplier<LabelSelector> parse) {
        if (c.has("error")) {
            assertThatThrownBy(parse::get).isInstanceOf(SelectorParseException.class)
                    .hasMessage(c.get("error").asText());
            return;
        }
        LabelSelector selector = parse.get();
        assertThat(selector.toString()).isEqualTo(c.get("string").asText());
        for (JsonNode m : c.path("matches")) {
            Map<String, String> labels = new LinkedHashMap<>();
            m.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            assertThat(selector.matches(labels)).as("matches %s", labels).isEqualTo(m.get("expect").asBoolean());
        }
    }

    @Test
    void parsingIsDeterministicWhateverTheTermOrder() {
        assertThat(LabelSelector.parse("x=a,a=x")).isEqualTo(LabelSelector.parse("a=x,x=a"));
    }

    @Test
    void aSingleValuedInOrAnEqualityIsAnExactMatch() {
        LabelSelector s = LabelSelector.parse("a in (1),b=2,c in (3,4),d!=5");
        assertThat(s.requiresExactMatch("a")).contains("1");
        assertThat(s.requiresExactMatch("b")).contains("2");
        assertThat(s.requiresExactMatch("c")).isEmpty();
        assertThat(s.requiresExactMatch("d")).isEmpty();
        assertThat(s.requiresExactMatch("e")).isEmpty();
    }

    @Test
    void parseErrorsCarryTheFieldErrorsBehindThem() {
        assertThatThrownBy(() -> LabelSelector.parse("app=a_"))
                .isInstanceOfSatisfying(SelectorParseException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("values[0][app]"));
    }

    @Test
    void requirementsAreTypedByOperator() {
        LabelSelector s = LabelSelector.parse("a=1,b!=2,c in (3),d notin (4),e,!f,g>7,h<8");
        assertThat(s.requirements()).containsExactly(new Requirement.Equals("a", "1"),
                new Requirement.NotEquals("b", "2"), new Requirement.In("c", List.of("3")),
                new Requirement.NotIn("d", List.of("4")), new Requirement.Exists("e"),
                new Requirement.DoesNotExist("f"), new Requirement.GreaterThan("g", "7"),
                new Requirement.LessThan("h", "8"));
        assertThat(LabelSelector.everything().isEmpty()).isTrue();
        assertThat(LabelSelector.nothing().isEmpty()).isFalse();
    }

    @Test
    void numericComparisonsAcceptOnlyAsciiIntegers() {
        LabelSelector s = LabelSelector.parse("x>1");
        assertThat(s.matches(Map.of("x", "\u0663"))).isFalse(); // ARABIC-INDIC DIGIT THREE
        assertThat(s.matches(Map.of("x", "+3"))).isTrue();
        assertThat(s.matches(Map.of("x", "99999999999999999999"))).isFalse();
    }
}
