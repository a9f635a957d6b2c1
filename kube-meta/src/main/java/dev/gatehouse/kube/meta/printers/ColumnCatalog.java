package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads {@code columns.json}: upstream's column definitions per {@code group/resource}. */
final class ColumnCatalog {
    private ColumnCatalog() {
    }

    private static final String RESOURCE = "/dev/gatehouse/kube/meta/printers/columns.json";
    private static final Map<String, List<ColumnDefinition>> BY_RESOURCE = new HashMap<>();
    static final List<ColumnDefinition> DEFAULT;

    static {
        JsonNode root = load();
        DEFAULT = columns(root.get("default"));
        root.get("resources").fields().forEachRemaining(e -> BY_RESOURCE.put(e.getKey(), columns(e.getValue())));
    }

    /** The columns of a resource with a printer, or null. */
    static List<ColumnDefinition> lookup(String group, String resource) {
        return BY_RESOURCE.get(group + "/" + resource);
    }

    static List<ColumnDefinition> columns(JsonNode array) {
        List<ColumnDefinition> out = new ArrayList<>();
        for (JsonNode c : array) {
            out.add(new ColumnDefinition(c.get("name").asText(), c.get("type").asText(), c.path("format").asText(""),
                    c.path("description").asText(""), c.path("priority").asInt(0)));
        }
        return List.copyOf(out);
    }

    private static JsonNode load() {
        try (InputStream in = ColumnCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
