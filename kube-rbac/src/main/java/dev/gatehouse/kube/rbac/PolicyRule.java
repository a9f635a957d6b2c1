package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code rbac.authorization.k8s.io/v1} PolicyRule. Lists are immutable and keep the stored order, because
 * upstream's messages and the aggregation controller's output depend on it.
 */
public record PolicyRule(List<String> verbs, List<String> apiGroups, List<String> resources,
                         List<String> resourceNames, List<String> nonResourceURLs) {

    public static final String ALL = "*";

    public PolicyRule {
        verbs = List.copyOf(verbs);
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        resourceNames = List.copyOf(resourceNames);
        nonResourceURLs = List.copyOf(nonResourceURLs);
    }

    /** A resource rule: {@code verbs} on {@code resources} of {@code apiGroups}, any name. */
    public static PolicyRule resources(List<String> verbs, List<String> apiGroups, List<String> resources) {
        return new PolicyRule(verbs, apiGroups, resources, List.of(), List.of());
    }

    /** A non-resource rule: {@code verbs} on the URL paths (a trailing {@code *} is a prefix match). */
    public static PolicyRule urls(List<String> verbs, List<String> nonResourceURLs) {
        return new PolicyRule(verbs, List.of(), List.of(), List.of(), nonResourceURLs);
    }

    public static PolicyRule fromJson(JsonNode rule) {
        return new PolicyRule(Fields.strings(rule, "verbs"), Fields.strings(rule, "apiGroups"),
                Fields.strings(rule, "resources"), Fields.strings(rule, "resourceNames"),
                Fields.strings(rule, "nonResourceURLs"));
    }

    public static List<PolicyRule> listFromJson(JsonNode rules) {
        if (!Fields.present(rules) || !rules.isArray()) {
            return List.of();
        }
        List<PolicyRule> out = new ArrayList<>(rules.size());
        rules.forEach(r -> out.add(fromJson(r)));
        return List.copyOf(out);
    }

    /** The v1 JSON form: {@code verbs} always (it has no omitempty upstream), the other lists when non-empty. */
    public ObjectNode toJson() {
        ObjectNode o = Fields.NODES.objectNode();
        o.set("verbs", Fields.stringArray(verbs));
        putIfNotEmpty(o, "apiGroups", apiGroups);
        putIfNotEmpty(o, "resources", resources);
        putIfNotEmpty(o, "resourceNames", resourceNames);
        putIfNotEmpty(o, "nonResourceURLs", nonResourceURLs);
        return o;
    }

    public static ArrayNode listToJson(List<PolicyRule> rules) {
        ArrayNode a = Fields.NODES.arrayNode(rules.size());
        rules.forEach(r -> a.add(r.toJson()));
        return a;
    }

    private static void putIfNotEmpty(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            o.set(field, Fields.stringArray(values));
        }
    }

    /**
     * Upstream {@code CompactString}, used in escalation messages:
     * {@code {APIGroups:[""], Resources:["pods"], NonResourceURLs:[...], ResourceNames:[...], Verbs:["get"]}}
     * with only the non-empty lists, in that order.
     */
    public String compactString() {
        List<String> parts = new ArrayList<>(5);
        addPart(parts, "APIGroups", apiGroups);
        addPart(parts, "Resources", resources);
        addPart(parts, "NonResourceURLs", nonResourceURLs);
        addPart(parts, "ResourceNames", resourceNames);
        addPart(parts, "Verbs", verbs);
        return "{" + String.join(", ", parts) + "}";
    }

    private static void addPart(List<String> parts, String label, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(label + ":" + GoText.quoteList(values));
        }
    }

    /** Upstream {@code RuleAllows}: whether this rule grants the request. */
    public boolean allows(Attributes request) {
        if (!verbMatches(request.verb())) {
            return false;
        }
        if (request.resourceRequest()) {
            return apiGroupMatches(request.apiGroup())
                    && resourceMatches(request.resource(), request.subresource())
                    && resourceNameMatches(request.name());
        }
        return nonResourceURLMatches(request.path());
    }

    boolean verbMatches(String verb) {
        return containsOrAll(verbs, verb);
    }

    boolean apiGroupMatches(String group) {
        return containsOrAll(apiGroups, group);
    }

    /**
     * {@code *}, the exact {@code resource} or {@code resource/subresource}, or {@code *}{@code /subresource} for a
     * subresource request. A rule for {@code pods} never matches {@code pods/log}.
     */
    boolean resourceMatches(String resource, String subresource) {
        boolean hasSub = !subresource.isEmpty();
        for (int i = 0, n = resources.size(); i < n; i++) {
            String r = resources.get(i);
            if (r.equals(ALL)) {
                return true;
            }
            if (!hasSub) {
                if (r.equals(resource)) {
                    return true;
                }
                continue;
            }
            if (isCombined(r, resource, subresource)) {
                return true;
            }
            if (r.length() == subresource.length() + 2 && r.startsWith("*/") && r.endsWith(subresource)) {
                return true;
            }
        }
        return false;
    }

    /** {@code r.equals(resource + "/" + subresource)} without building the string on every request. */
    private static boolean isCombined(String r, String resource, String subresource) {
        int split = resource.length();
        return r.length() == split + 1 + subresource.length()
                && r.charAt(split) == '/'
                && r.startsWith(resource)
                && r.endsWith(subresource);
    }

    boolean resourceNameMatches(String name) {
        if (resourceNames.isEmpty()) {
            return true;
        }
        for (int i = 0, n = resourceNames.size(); i < n; i++) {
            if (resourceNames.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Exact, {@code *}, or a prefix match when the rule's URL ends with {@code *} ({@code /apis/*} not {@code /apis}). */
    boolean nonResourceURLMatches(String path) {
        for (int i = 0, n = nonResourceURLs.size(); i < n; i++) {
            String u = nonResourceURLs.get(i);
            if (u.equals(ALL) || u.equals(path)) {
                return true;
            }
            if (u.endsWith("*")) {
                int prefix = lengthWithoutTrailingStars(u);
                if (path.length() >= prefix && path.regionMatches(0, u, 0, prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The length of Go's {@code strings.TrimRight(s, "*")}. */
    static int lengthWithoutTrailingStars(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '*') {
            end--;
        }
        return end;
    }

    private static boolean containsOrAll(List<String> values, String wanted) {
        for (int i = 0, n = values.size(); i < n; i++) {
            String v = values.get(i);
            if (v.equals(ALL) || v.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
