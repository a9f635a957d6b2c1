package dev.gatehouse.kube.meta.fields;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.GoFormat;
import dev.gatehouse.kube.meta.internal.Json;
import dev.gatehouse.kube.meta.internal.SimpleJsonPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What field selection means for one resource in kube-apiserver 1.32: which field labels a selector may use
 * (and what they are renamed to before matching), and the field set an object exposes for matching.
 *
 * <p>Typical use in a list handler:
 * <pre>{@code
 *   SelectableFields sf = SelectableFields.forResource(group, resource);
 *   FieldSelector selector = sf.convert(FieldSelector.parse(query));   // 400 on FieldSelectorException
 *   boolean keep = selector.matches(sf.fields(object)::get);
 * }</pre>
 */
public final class SelectableFields {

    /** Reads one field's value out of an object. */
    interface Source {
        String read(JsonNode object);
    }

    private final Map<String, String> labels;
    private final String unsupportedTemplate;
    private final boolean namespaceField;
    private final Map<String, Source> fields;

    SelectableFields(Map<String, String> labels, String unsupportedTemplate, boolean namespaceField,
                     Map<String, Source> fields) {
        this.labels = Map.copyOf(labels);
        this.unsupportedTemplate = unsupportedTemplate;
        this.namespaceField = namespaceField;
        this.fields = new LinkedHashMap<>(fields);
    }

    /** The rules of a built-in resource; resources without special rules get upstream's default. */
    public static SelectableFields forResource(String group, String resource) {
        return SelectableFieldsCatalog.lookup(group, resource);
    }

    /**
     * The rules of a custom resource: {@code metadata.name}, {@code metadata.namespace} when namespaced, and the
     * CRD version's {@code selectableFields} JSONPaths (label {@code spec.color} for path {@code .spec.color}).
     *
     * @throws IllegalArgumentException for a JSONPath outside the supported subset
     */
    public static SelectableFields forCustomResource(boolean namespaced, List<String> selectableFieldJsonPaths) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("metadata.name", "metadata.name");
        if (namespaced) {
            labels.put("metadata.namespace", "metadata.namespace");
        }
        Map<String, Source> fields = new LinkedHashMap<>();
        for (String jsonPath : selectableFieldJsonPaths) {
            String name = jsonPath.startsWith(".") ? jsonPath.substring(1) : jsonPath;
            SimpleJsonPath path = SimpleJsonPath.parse(jsonPath);
            labels.put(name, name);
            fields.put(name, object -> {
                List<JsonNode> found = path.find(object);
                return found.isEmpty() ? "" : render(found.get(0));
            });
        }
        return new SelectableFields(labels, "field label not supported: ${label}", namespaced, fields);
    }

    /** The field labels a selector may use. */
    public Set<String> supportedLabels() {
        return labels.keySet();
    }

    /**
     * Upstream {@code ConvertFieldLabel} for one label: the name matching uses (usually the label itself; e.g.
     * {@code spec.host} becomes {@code spec.nodeName} for pods).
     *
     * @throws FieldSelectorException {@code field label not supported: <label>} or the resource's variant
     */
    public String convertLabel(String label) {
        String mapped = labels.get(label);
        if (mapped == null) {
            throw new FieldSelectorException(unsupportedTemplate
                    .replace("${label}", label)
                    .replace("${quoted}", GoFormat.quote(label)));
        }
        return mapped;
    }

    /** Applies {@link #convertLabel} to every term, failing on the first unsupported one (in term order). */
    public FieldSelector convert(FieldSelector selector) {
        return selector.transform(r -> new FieldRequirement(convertLabel(r.field()), r.operator(), r.value()));
    }

    /**
     * The fields of {@code object} available for matching: the resource's fields plus {@code metadata.name} and
     * {@code metadata.namespace} (empty for cluster-scoped objects, which matches upstream's absent field).
     */
    public Map<String, String> fields(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("metadata.name", Json.text(object, "/metadata/name"));
        out.put("metadata.namespace", namespaceField ? Json.text(object, "/metadata/namespace") : "");
        fields.forEach((name, source) -> out.put(name, source.read(object)));
        return out;
    }

    /** A source reading the first non-empty of several JSON pointers, else a default. */
    static Source firstNonEmpty(List<String> pointers, String defaultValue) {
        List<String> copy = new ArrayList<>(pointers);
        return object -> {
            for (String pointer : copy) {
                String v = render(Json.at(object, pointer));
                if (!v.isEmpty()) {
                    return v;
                }
            }
            return defaultValue;
        };
    }

    /** Go's {@code fmt.Sprint} of a decoded JSON scalar. */
    static String render(JsonNode value) {
        if (!Json.present(value)) {
            return "";
        }
        if (value.isFloatingPointNumber()) {
            return GoFormat.formatFloat(value.asDouble());
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }
}
