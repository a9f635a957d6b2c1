package dev.gatehouse.kube.meta.fields;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Shortcuts over {@link SelectableFields} for built-in resources. */
public final class FieldSelectors {
    private FieldSelectors() {
    }

    /**
     * The field set kube-apiserver 1.32 exposes for field selection on {@code object} of the given resource
     * ({@code metadata.name}, {@code metadata.namespace} and the resource's own fields, e.g. {@code status.phase}
     * for pods). Values are strings, booleans as {@code true}/{@code false}, absent fields as upstream defaults.
     */
    public static Map<String, String> fieldsFor(String group, String resource, JsonNode object) {
        return SelectableFields.forResource(group, resource).fields(object);
    }

    /**
     * Parses {@code selector} and converts its labels for the resource, as kube-apiserver does before a list or
     * watch.
     *
     * @throws FieldSelectorException with the text kube-apiserver puts into its 400 response
     */
    public static FieldSelector parseFor(String group, String resource, String selector) {
        return SelectableFields.forResource(group, resource).convert(FieldSelector.parse(selector));
    }

    /** Whether {@code object} matches an already converted selector. */
    public static boolean matches(FieldSelector converted, String group, String resource, JsonNode object) {
        return converted.matches(fieldsFor(group, resource, object)::get);
    }

    /**
     * Fails like kube-apiserver when {@code selector} uses a field label the resource does not support. Prefer
     * {@link #parseFor}: it also applies upstream's renames ({@code spec.host} to {@code spec.nodeName} for pods,
     * {@code regarding.*} to {@code involvedObject.*} for {@code events.k8s.io}), without which such terms never
     * match {@link #fieldsFor}.
     *
     * @throws FieldSelectorException e.g. {@code field label not supported: spec.foo}
     */
    public static void checkSupported(String group, String resource, FieldSelector selector) {
        SelectableFields.forResource(group, resource).convert(selector);
    }
}
