package dev.gatehouse.kube.meta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads table-driven test cases from YAML files under {@code src/test/resources/dev/gatehouse/kube/meta}. A file
 * holds {@code cases:}, a list of maps each with a {@code name} sentence. Unknown keys fail the test run so a
 * misspelt expectation cannot silently pass.
 */
public final class Cases {
    private Cases() {
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    public static JsonNode file(String path) {
        String resource = "/dev/gatehouse/kube/meta/" + path;
        try (InputStream in = Cases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test data " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code cases} of a file as JUnit arguments {@code (name, case)}, checking keys against {@code allowed}. */
    public static Stream<Arguments> of(String path, String... allowedKeys) {
        JsonNode root = file(path);
        Set<String> allowed = Set.of(allowedKeys);
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("name") && !allowed.contains(key)) {
                    throw new IllegalStateException(path + ": case '" + c.path("name").asText() + "' has unknown key " + key);
                }
            }
            out.add(Arguments.of(c.path("name").asText(), c));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(path + " has no cases");
        }
        return out.stream();
    }

    /** A YAML scalar as the Java value the code under test returns: Long, Double, Boolean, String or null. */
    public static Object scalar(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isFloatingPointNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.asText();
    }

    public static List<Object> scalars(JsonNode array) {
        List<Object> out = new ArrayList<>();
        array.forEach(e -> out.add(scalar(e)));
        return out;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
