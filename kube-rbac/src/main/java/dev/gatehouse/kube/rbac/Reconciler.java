package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * component-helpers' role and binding reconciliation, which kube-apiserver runs at start-up for every bootstrap
 * object (with {@code removeExtra} false: it only ever adds). Works on stored JSON so that everything else in
 * the existing object is kept. An object annotated {@code rbac.authorization.kubernetes.io/autoupdate: "false"}
 * is computed but reported {@code protectedObject}: the server must not write it.
 */
public final class Reconciler {
    private Reconciler() {
    }

    public static final String AUTOUPDATE_ANNOTATION = "rbac.authorization.kubernetes.io/autoupdate";

    public enum Operation {
        /** Nothing to write. */
        NONE,
        /** The object does not exist: create {@code object}. */
        CREATE,
        /** Write {@code object}, the existing object with the missing pieces added. */
        UPDATE,
        /** A binding's roleRef changed (it is immutable): delete the existing binding, then create {@code object}. */
        RECREATE
    }

    public record Result(Operation operation, boolean protectedObject, ObjectNode object,
                         List<PolicyRule> missingRules, List<Subject> missingSubjects) {
        public Result {
            missingRules = List.copyOf(missingRules);
            missingSubjects = List.copyOf(missingSubjects);
        }

        /** Whether the server should write anything. */
        public boolean needsWrite() {
            return operation != Operation.NONE && !protectedObject;
        }
    }

    /**
     * Reconciles a Role or ClusterRole. Missing rules are appended as the atoms {@link Covers} finds uncovered;
     * aggregation selectors missing from the existing role are appended; an aggregation rule the expected role
     * does not have is removed. With {@code removeExtra} the rules and selectors are replaced instead.
     */
    public static Result role(JsonNode existing, JsonNode expected, boolean removeExtra) {
        if (!Fields.present(existing)) {
            List<PolicyRule> rules = PolicyRule.listFromJson(expected.get("rules"));
            return new Result(Operation.CREATE, false, expected.deepCopy(), rules, List.of());
        }
        ObjectNode out = existing.deepCopy();
        boolean changed = mergeMetadata(out, expected);

        Role have = Role.fromJson(existing);
        Role want = Role.fromJson(expected);
        List<PolicyRule> extra = want.aggregationRule() == null || have.aggregationRule() == null
                ? Covers.uncovered(want.rules(), have.rules())
                : List.of();
        List<PolicyRule> missing = Covers.uncovered(have.rules(), want.rules());
        if (!removeExtra && !missing.isEmpty()) {
            List<PolicyRule> rules = new ArrayList<>(have.rules());
            rules.addAll(missing);
            out.set("rules", PolicyRule.listToJson(rules));
            changed = true;
        } else if (removeExtra && (!missing.isEmpty() || !extra.isEmpty())) {
            out.set("rules", PolicyRule.listToJson(want.rules()));
            changed = true;
        }

        changed |= reconcileAggregation(out, have.aggregationRule(), want.aggregationRule(), removeExtra);
        return new Result(changed ? Operation.UPDATE : Operation.NONE, isProtected(existing), out, missing,
                List.of());
    }

    private static boolean reconcileAggregation(ObjectNode out, AggregationRule have, AggregationRule want,
                                                boolean removeExtra) {
        List<JsonNode> missing = uncoveredSelectors(have, want);
        List<JsonNode> extra = uncoveredSelectors(want, have);
        if (want == null && have != null) {
            out.remove("aggregationRule");
            return true;
        }
        if (!removeExtra && !missing.isEmpty()) {
            List<JsonNode> selectors = new ArrayList<>(have == null ? List.of() : have.clusterRoleSelectors());
            selectors.addAll(missing);
            out.set("aggregationRule", new AggregationRule(selectors).toJson());
            return true;
        }
        if (removeExtra && (!missing.isEmpty() || !extra.isEmpty())) {
            out.set("aggregationRule", want.toJson());
            return true;
        }
        return false;
    }

    /** Upstream {@code aggregationRuleCovers}: servant selectors with no semantically equal owner selector. */
    private static List<JsonNode> uncoveredSelectors(AggregationRule owner, AggregationRule servant) {
        if (servant == null) {
            return List.of();
        }
        if (owner == null) {
            return servant.clusterRoleSelectors();
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : servant.clusterRoleSelectors()) {
            boolean covered = false;
            for (JsonNode o : owner.clusterRoleSelectors()) {
                if (AggregationRule.sameSelector(o, s)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Reconciles a RoleBinding or ClusterRoleBinding: a different roleRef means RECREATE with the expected
     * binding; otherwise missing subjects are appended (or, with {@code removeExtra}, the subjects replaced).
     */
    public static Result binding(JsonNode existing, JsonNode expected, boolean removeExtra) {
        Binding want = Binding.fromJson(expected);
        if (!Fields.present(existing)) {
            return new Result(Operation.CREATE, false, expected.deepCopy(), List.of(), want.subjects());
        }
        Binding have = Binding.fromJson(existing);
        if (!have.roleRef().equals(want.roleRef())) {
            return new Result(Operation.RECREATE, isProtected(existing), expected.deepCopy(), List.of(),
                    want.subjects());
        }
        ObjectNode out = existing.deepCopy();
        boolean changed = mergeMetadata(out, expected);
        List<Subject> missing = onlyIn(want.subjects(), have.subjects());
        List<Subject> extra = onlyIn(have.subjects(), want.subjects());
        if (!removeExtra && !missing.isEmpty()) {
            ArrayNode subjects = out.get("subjects") instanceof ArrayNode a ? a : out.putArray("subjects");
            missing.forEach(s -> subjects.add(s.toJson()));
            changed = true;
        } else if (removeExtra && (!missing.isEmpty() || !extra.isEmpty())) {
            ArrayNode subjects = Fields.NODES.arrayNode();
            want.subjects().forEach(s -> subjects.add(s.toJson()));
            out.set("subjects", subjects);
            changed = true;
        }
        return new Result(changed ? Operation.UPDATE : Operation.NONE, isProtected(existing), out, List.of(),
                missing);
    }

    /** Upstream {@code diffSubjectLists}: items of {@code a} not in {@code b}, each once. */
    private static List<Subject> onlyIn(List<Subject> a, List<Subject> b) {
        List<Subject> out = new ArrayList<>();
        for (Subject s : a) {
            if (!b.contains(s) && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean isProtected(JsonNode existing) {
        return "false".equals(Fields.stringMap(Fields.metadata(existing), "annotations").get(AUTOUPDATE_ANNOTATION));
    }

    /** Adds the expected labels and annotations the existing object lacks; existing values win on conflict. */
    private static boolean mergeMetadata(ObjectNode out, JsonNode expected) {
        ObjectNode meta = out.get("metadata") instanceof ObjectNode m ? m : out.putObject("metadata");
        boolean changed = mergeMap(meta, "annotations", Fields.stringMap(Fields.metadata(expected), "annotations"));
        changed |= mergeMap(meta, "labels", Fields.stringMap(Fields.metadata(expected), "labels"));
        return changed;
    }

    private static boolean mergeMap(ObjectNode meta, String field, Map<String, String> expected) {
        Map<String, String> have = Fields.stringMap(meta, field);
        Map<String, String> merged = new LinkedHashMap<>(expected);
        merged.putAll(have);
        if (merged.equals(have)) {
            return false;
        }
        // Existing keys first, in their order, then the added ones.
        Map<String, String> ordered = new LinkedHashMap<>(have);
        merged.forEach(ordered::putIfAbsent);
        meta.set(field, Fields.stringObject(ordered));
        return true;
    }
}
