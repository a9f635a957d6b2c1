package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Collection;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AuditPolicy.parse against policy-parse.yaml: decoded models and upstream's rejection messages. */
class PolicyParseTest {
    private static final JsonNode DATA = TestData.load("policy-parse.yaml");

    @TestFactory
    Stream<DynamicTest> accepted() {
        return StreamSupport.stream(DATA.path("accepted").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                    AuditPolicy policy = AuditPolicy.parse(c.path("document").asText());
                    assertThat(render(policy)).isEqualTo(c.path("policy"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> rejected() {
        return StreamSupport.stream(DATA.path("rejected").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                    String document = c.path("document").asText();
                    if (c.has("errorPrefix")) {
                        assertThatThrownBy(() -> AuditPolicy.parse(document))
                                .isInstanceOf(InvalidAuditPolicyException.class)
                                .hasMessageStartingWith(c.path("errorPrefix").asText());
                        return;
                    }
                    assertThatThrownBy(() -> AuditPolicy.parse(document))
                            .isInstanceOf(InvalidAuditPolicyException.class)
                            .hasMessage(c.path("error").asText())
                            .satisfies(e -> {
                                if (c.has("fieldErrors")) {
                                    assertThat(((InvalidAuditPolicyException) e).fieldErrors())
                                            .hasSize(c.path("fieldErrors").asInt());
                                }
                            });
                }));
    }

    /** The policy as the compact shape the YAML cases use: empty parts left out. */
    private static ObjectNode render(AuditPolicy policy) {
        ObjectNode out = TestData.JSON.createObjectNode();
        if (!policy.omitStages().isEmpty()) {
            stages(out, "omitStages", policy.omitStages());
        }
        if (policy.omitManagedFields()) {
            out.put("omitManagedFields", true);
        }
        ArrayNode rules = out.putArray("rules");
        for (PolicyRule rule : policy.rules()) {
            ObjectNode r = rules.addObject().put("level", rule.level().wireName());
            list(r, "users", rule.users());
            list(r, "userGroups", rule.userGroups());
            list(r, "verbs", rule.verbs());
            if (!rule.resources().isEmpty()) {
                ArrayNode resources = r.putArray("resources");
                for (GroupResources gr : rule.resources()) {
                    ObjectNode g = resources.addObject().put("group", gr.group());
                    list(g, "resources", gr.resources());
                    list(g, "resourceNames", gr.resourceNames());
                }
            }
            list(r, "namespaces", rule.namespaces());
            list(r, "nonResourceURLs", rule.nonResourceURLs());
            if (!rule.omitStages().isEmpty()) {
                stages(r, "omitStages", rule.omitStages());
            }
            rule.omitManagedFields().ifPresent(value -> r.put("omitManagedFields", value));
        }
        list(out, "warnings", policy.warnings());
        return out;
    }

    private static void list(ObjectNode parent, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = parent.putArray(field);
            values.forEach(array::add);
        }
    }

    private static void stages(ObjectNode parent, String field, Collection<Stage> stages) {
        ArrayNode array = parent.putArray(field);
        stages.forEach(stage -> array.add(stage.wireName()));
    }
}
