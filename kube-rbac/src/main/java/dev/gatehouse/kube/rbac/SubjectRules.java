package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * RBAC's answer to a SelfSubjectRulesReview ({@code status}): each rule with resources as a resource rule, each
 * rule with URLs as a non-resource rule (a rule with both appears in both lists). RBAC never reports itself
 * incomplete; failed role lookups go to {@code evaluationError}.
 */
public record SubjectRules(List<ResourceRule> resourceRules, List<NonResourceRule> nonResourceRules,
                           boolean incomplete, String evaluationError) {

    public SubjectRules {
        resourceRules = List.copyOf(resourceRules);
        nonResourceRules = List.copyOf(nonResourceRules);
    }

    public record ResourceRule(List<String> verbs, List<String> apiGroups, List<String> resources,
                               List<String> resourceNames) {
    }

    public record NonResourceRule(List<String> verbs, List<String> nonResourceURLs) {
    }

    static SubjectRules of(ResolvedRules resolved) {
        List<ResourceRule> resources = new ArrayList<>();
        List<NonResourceRule> urls = new ArrayList<>();
        for (PolicyRule r : resolved.rules()) {
            if (!r.resources().isEmpty()) {
                resources.add(new ResourceRule(r.verbs(), r.apiGroups(), r.resources(), r.resourceNames()));
            }
            if (!r.nonResourceURLs().isEmpty()) {
                urls.add(new NonResourceRule(r.verbs(), r.nonResourceURLs()));
            }
        }
        return new SubjectRules(resources, urls, false, resolved.authorizerError());
    }

    /** The {@code authorization.k8s.io/v1} SubjectRulesReviewStatus JSON. */
    public ObjectNode toJson() {
        ObjectNode status = Fields.NODES.objectNode();
        ArrayNode res = status.putArray("resourceRules");
        for (ResourceRule r : resourceRules) {
            ObjectNode o = res.addObject();
            o.set("verbs", Fields.stringArray(r.verbs()));
            putIfNotEmpty(o, "apiGroups", r.apiGroups());
            putIfNotEmpty(o, "resources", r.resources());
            putIfNotEmpty(o, "resourceNames", r.resourceNames());
        }
        ArrayNode non = status.putArray("nonResourceRules");
        for (NonResourceRule r : nonResourceRules) {
            ObjectNode o = non.addObject();
            o.set("verbs", Fields.stringArray(r.verbs()));
            putIfNotEmpty(o, "nonResourceURLs", r.nonResourceURLs());
        }
        status.put("incomplete", incomplete);
        if (!evaluationError.isEmpty()) {
            status.put("evaluationError", evaluationError);
        }
        return status;
    }

    private static void putIfNotEmpty(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            o.set(field, Fields.stringArray(values));
        }
    }
}
