package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {

    static Stream<Arguments> cases() {
        return Fixtures.cases("reconcile.yaml", "role", "binding", "operation", "protected", "result");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reconcilesAsComponentHelpers(String name, JsonNode c) {
        boolean isRole = c.has("role");
        JsonNode input = isRole ? c.get("role") : c.get("binding");
        boolean removeExtra = input.path("removeExtra").asBoolean(false);
        ObjectNode expected = object(isRole, input.get("expected"));
        ObjectNode existing = input.has("existing") ? object(isRole, input.get("existing")) : null;
        if (existing != null) {
            ((ObjectNode) existing.get("metadata")).put("resourceVersion", "42");
        }

        Reconciler.Result result = isRole
                ? Reconciler.role(existing, expected, removeExtra)
                : Reconciler.binding(existing, expected, removeExtra);

        assertThat(result.operation()).isEqualTo(Reconciler.Operation.valueOf(c.get("operation").asText()));
        assertThat(result.protectedObject()).isEqualTo(c.path("protected").asBoolean(false));
        if (c.has("result")) {
            ObjectNode want = object(isRole, c.get("result"));
            if (isRole) {
                Role got = Role.fromJson(result.object());
                Role wanted = Role.fromJson(want);
                assertThat(got.rules()).isEqualTo(wanted.rules());
                assertThat(got.labels()).isEqualTo(wanted.labels());
                assertThat(got.annotations()).isEqualTo(wanted.annotations());
                assertThat(got.aggregationRule()).isEqualTo(wanted.aggregationRule());
            } else {
                Binding got = Binding.fromJson(result.object());
                Binding wanted = Binding.fromJson(want);
                assertThat(got.roleRef()).isEqualTo(wanted.roleRef());
                assertThat(got.subjects()).isEqualTo(wanted.subjects());
                assertThat(got.labels()).isEqualTo(wanted.labels());
                assertThat(got.annotations()).isEqualTo(wanted.annotations());
            }
            if (result.operation() == Reconciler.Operation.UPDATE) {
                // an update keeps the stored object's other fields
                assertThat(result.object().at("/metadata/resourceVersion").asText()).isEqualTo("42");
            }
        }
        if (result.operation() == Reconciler.Operation.NONE && existing != null) {
            assertThat(result.object()).isEqualTo(existing);
        }
        assertThat(result.needsWrite())
                .isEqualTo(result.operation() != Reconciler.Operation.NONE && !result.protectedObject());
    }

    /** The compact form with rule shorthand: a plain word R is {apiGroups: [""], verbs: [get], resources: [R]}. */
    private static ObjectNode object(boolean role, JsonNode compact) {
        ObjectNode c = compact.deepCopy();
        c.put("name", "x");
        if (c.has("rules")) {
            ArrayNode rules = JsonNodeFactory.instance.arrayNode();
            for (JsonNode r : c.get("rules")) {
                if (r.isTextual()) {
                    ObjectNode o = rules.addObject();
                    o.putArray("verbs").add("get");
                    o.putArray("apiGroups").add("");
                    o.putArray("resources").add(r.asText());
                } else {
                    rules.add(r);
                }
            }
            c.set("rules", rules);
        }
        return role ? Fixtures.roleObject("ClusterRole", "", c) : Fixtures.bindingObject("ClusterRoleBinding", "", c);
    }
}
