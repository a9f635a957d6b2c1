package dev.gatehouse.kube.meta.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.kube.meta.internal.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads {@code selectable-fields.json}, the per-resource data behind {@link SelectableFields}. */
final class SelectableFieldsCatalog {
    private SelectableFieldsCatalog() {
    }

    private static final String RESOURCE = "/dev/gatehouse/kube/meta/fields/selectable-fields.json";
    private static final Map<String, SelectableFields> BY_RESOURCE = new HashMap<>();
    private static final SelectableFields DEFAULT;

    static {
        JsonNode root = load();
        DEFAULT = build(root.get("default"), true);
        for (JsonNode entry : root.get("resources")) {
            String key = Json.text(entry, "/group") + "/" + Json.text(entry, "/resource");
            // Namespaced resources accept metadata.namespace; that is how the data tells the scopes apart.
            boolean namespaced = entry.get("labels").has("metadata.namespace");
            BY_RESOURCE.put(key, build(entry, namespaced));
        }
    }

    static SelectableFields lookup(String group, String resource) {
        return BY_RESOURCE.getOrDefault(group + "/" + resource, DEFAULT);
    }

    private static SelectableFields build(JsonNode entry, boolean namespaced) {
        Map<String, String> labels = Json.stringMap(entry, "/labels");
        Map<String, SelectableFields.Source> fields = new LinkedHashMap<>();
        entry.get("fields").fields().forEachRemaining(f -> fields.put(f.getKey(),
                SelectableFields.firstNonEmpty(Json.stringList(f.getValue(), "/from"),
                        Json.text(f.getValue(), "/default"))));
        return new SelectableFields(labels, Json.text(entry, "/unsupported"), namespaced, fields);
    }

    private static JsonNode load() {
        try (InputStream in = SelectableFieldsCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
