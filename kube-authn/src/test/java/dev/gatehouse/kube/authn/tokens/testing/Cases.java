package dev.gatehouse.kube.authn.tokens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads table-driven test cases from YAML files under {@code src/test/resources/dev/gatehouse/kube/authn/tokens}. A
 * file holds {@code cases:}, a list of maps each with a {@code name} sentence. Unknown keys fail the run so a
 * misspelt expectation cannot silently pass.
 */
public final class Cases {
    private static final YAMLMapper YAML = new YAMLMapper();
    public static final String ROOT = "/dev/gatehouse/kube/authn/tokens/";

    private Cases() {
    }

    public static JsonNode file(String path) {
        try (InputStream in = resource(path)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Cases.class.getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new IllegalStateException("missing test data " + ROOT + path);
        }
        return in;
    }

    /** The {@code cases} of a file as JUnit arguments {@code (name, case)}, checking keys against {@code allowed}. */
    public static Stream<Arguments> of(String path, String... allowedKeys) {
        JsonNode root = file(path);
        Set<String> allowed = Set.of(allowedKeys);
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            requireKeys(path + ": case '" + c.path("name").asText() + "'", c, allowed);
            out.add(Arguments.of(c.path("name").asText(), c));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(path + " has no cases");
        }
        return out.stream();
    }

    /** Fails when {@code node} has a key other than {@code name} and {@code allowed}. */
    public static void requireKeys(String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("name") && !allowed.contains(key)) {
                throw new IllegalStateException(where + " has unknown key " + key);
            }
        }
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && !array.isNull() && !array.isMissingNode()) {
            array.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    public static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    public static Map<String, List<String>> stringListMap(JsonNode object) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(e -> out.put(e.getKey(), strings(e.getValue())));
        }
        return out;
    }
}
