package dev.gatehouse.kube.meta.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.kube.meta.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldSelectorTest {

    static Stream<Arguments> parseCases() {
        return Cases.of("fields/parse.yaml", "selector", "string", "matches", "error");
    }

    static Stream<Arguments> selectableCases() {
        return Cases.of("fields/selectable.yaml", "group", "resource", "object", "fields");
    }

    static Stream<Arguments> convertCases() {
        return Cases.of("fields/convert.yaml", "group", "resource", "selector", "converted", "error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseCases")
    void parsesSelectors(String name, JsonNode c) {
        String text = c.get("selector").asText();
        if (c.has("error")) {
            assertThatThrownBy(() -> FieldSelector.parse(text)).isInstanceOf(FieldSelectorException.class)
                    .hasMessage(c.get("error").asText());
            return;
        }
        FieldSelector selector = FieldSelector.parse(text);
        assertThat(selector.toString()).isEqualTo(c.get("string").asText());
        assertThat(FieldSelector.parse(selector.toString())).as("round trip").isEqualTo(selector);
        for (JsonNode m : c.get("matches")) {
            Map<String, String> fields = toMap(m.get("fields"));
            assertThat(selector.matches(fields::get)).as("matches %s", fields).isEqualTo(m.get("expect").asBoolean());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectableCases")
    void exposesFieldSets(String name, JsonNode c) {
        Map<String, String> actual = FieldSelectors.fieldsFor(c.get("group").asText(), c.get("resource").asText(),
                c.get("object"));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(toMap(c.get("fields")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convertCases")
    void convertsFieldLabels(String name, JsonNode c) {
        String group = c.get("group").asText();
        String resource = c.get("resource").asText();
        String selector = c.get("selector").asText();
        if (c.has("error")) {
            assertThatThrownBy(() -> FieldSelectors.parseFor(group, resource, selector))
                    .isInstanceOf(FieldSelectorException.class).hasMessage(c.get("error").asText());
            return;
        }
        assertThat(FieldSelectors.parseFor(group, resource, selector).toString())
                .isEqualTo(c.get("converted").asText());
    }

    @Test
    void aConvertedSelectorMatchesTheObjectsFieldSet() throws Exception {
        JsonNode pod = new ObjectMapper().readTree(
                "{\"metadata\":{\"name\":\"a\",\"namespace\":\"n\"},\"spec\":{\"nodeName\":\"node-1\"}}");
        FieldSelector onNode = FieldSelectors.parseFor("", "pods", "spec.host=node-1");
        FieldSelector elsewhere = FieldSelectors.parseFor("", "pods", "spec.nodeName=node-2");
        assertThat(FieldSelectors.matches(onNode, "", "pods", pod)).isTrue();
        assertThat(FieldSelectors.matches(elsewhere, "", "pods", pod)).isFalse();
        assertThat(FieldSelector.nothing().matches(f -> "")).isFalse();
    }

    @Test
    void customResourcesSelectOnDeclaredFields() throws Exception {
        SelectableFields sf = SelectableFields.forCustomResource(true, List.of(".spec.color", ".spec.size"));
        JsonNode cr = new ObjectMapper().readTree(
                "{\"metadata\":{\"name\":\"w\",\"namespace\":\"n\"},\"spec\":{\"color\":\"blue\",\"size\":3}}");
        assertThat(sf.fields(cr)).containsEntry("spec.color", "blue").containsEntry("spec.size", "3")
                .containsEntry("metadata.namespace", "n");
        assertThat(sf.convert(FieldSelector.parse("spec.color=blue")).matches(sf.fields(cr)::get)).isTrue();
        assertThatThrownBy(() -> sf.convert(FieldSelector.parse("spec.shape=round")))
                .hasMessage("field label not supported: spec.shape");
        SelectableFields clusterScoped = SelectableFields.forCustomResource(false, List.of());
        assertThatThrownBy(() -> clusterScoped.convertLabel("metadata.namespace"))
                .hasMessage("field label not supported: metadata.namespace");
    }

    @Test
    void requiresExactMatchOnlyForEquality() {
        FieldSelector s = FieldSelector.parse("metadata.name=a,spec.nodeName!=b");
        assertThat(s.requiresExactMatch("metadata.name")).contains("a");
        assertThat(s.requiresExactMatch("spec.nodeName")).isEmpty();
    }

    private static Map<String, String> toMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
