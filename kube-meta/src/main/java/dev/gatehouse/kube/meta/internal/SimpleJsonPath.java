package dev.gatehouse.kube.meta.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset CRDs use for printer columns and selectable fields: {@code .a.b}, {@code .a[0]},
 * {@code .a[*]}, {@code .a['x.y']} and {@code .a["x"]}, optionally starting with {@code $}. Evaluation follows
 * client-go's jsonpath with missing keys allowed: absent paths yield no results rather than errors.
 */
public final class SimpleJsonPath {

    private sealed interface Step permits Field, Index, Wildcard {
    }

    private record Field(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private final String source;
    private final List<Step> steps;

    private SimpleJsonPath(String source, List<Step> steps) {
        this.source = source;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException when the path is outside the supported subset */
    public static SimpleJsonPath parse(String path) {
        List<Step> steps = new ArrayList<>();
        int i = path.startsWith("$") ? 1 : 0;
        if (i >= path.length()) {
            throw new IllegalArgumentException("empty JSONPath: " + path);
        }
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("empty field name in JSONPath: " + path);
                }
                steps.add(new Field(path.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int close = closingBracket(path, i);
                String inner = path.substring(i + 1, close).trim();
                steps.add(bracketStep(inner, path));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unsupported JSONPath: " + path);
            }
        }
        return new SimpleJsonPath(path, List.copyOf(steps));
    }

    private static int closingBracket(String path, int open) {
        int i = open + 1;
        if (i < path.length() && (path.charAt(i) == '\'' || path.charAt(i) == '"')) {
            char quote = path.charAt(i);
            int endQuote = path.indexOf(quote, i + 1);
            if (endQuote < 0) {
                throw new IllegalArgumentException("unterminated quote in JSONPath: " + path);
            }
            i = endQuote + 1;
        }
        int close = path.indexOf(']', i);
        if (close < 0) {
            throw new IllegalArgumentException("unterminated [ in JSONPath: " + path);
        }
        return close;
    }

    private static Step bracketStep(String inner, String path) {
        if (inner.equals("*")) {
            return new Wildcard();
        }
        if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
            return new Field(inner.substring(1, inner.length() - 1));
        }
        if (inner.matches("-?[0-9]+")) {
            return new Index(Integer.parseInt(inner));
        }
        throw new IllegalArgumentException("unsupported JSONPath subscript [" + inner + "] in " + path);
    }

    /** All values the path reaches (a JSON null counts as reached); empty when it reaches nothing. */
    public List<JsonNode> find(JsonNode root) {
        List<JsonNode> current = new ArrayList<>();
        if (root != null && !root.isMissingNode()) {
            current.add(root);
        }
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step instanceof Field f) {
                    if (node.isObject() && node.has(f.name())) {
                        next.add(node.get(f.name()));
                    }
                } else if (step instanceof Index ix) {
                    if (node.isArray()) {
                        int idx = ix.index() < 0 ? node.size() + ix.index() : ix.index();
                        if (idx >= 0 && idx < node.size()) {
                            next.add(node.get(idx));
                        }
                    }
                } else if (node.isContainerNode()) { // Wildcard
                    node.forEach(next::add);
                }
            }
            current = next;
        }
        return current;
    }

    @Override
    public String toString() {
        return source;
    }
}
