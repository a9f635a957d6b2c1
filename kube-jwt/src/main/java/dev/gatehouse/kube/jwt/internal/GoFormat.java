package dev.gatehouse.kube.jwt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders values the way Go's fmt package does, so that messages copied from kube-apiserver read the same here.
 */
public final class GoFormat {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private static final Map<Integer, String> STATUS_TEXT = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(413, "Request Entity Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private GoFormat() {
    }

    /** Go's {@code %q} for a string. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(out, cp));
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case 0x0b -> out.append("\\v");
            default -> {
                if (cp < 0x20 || cp == 0x7f) {
                    out.append(String.format("\\x%02x", cp));
                } else if (cp > 0x7f && !isPrintable(cp)) {
                    out.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && (type != Character.SPACE_SEPARATOR || cp == ' ');
    }

    /** Go's {@code %q} for a {@code []string}: {@code ["a" "b"]}. */
    public static String quoteList(Collection<String> values) {
        return values.stream().map(GoFormat::quote).collect(Collectors.joining(" ", "[", "]"));
    }

    /** Go's {@code %s} / {@code %v} for a {@code []string}: {@code [a b]}. */
    public static String plainList(Collection<String> values) {
        return String.join(" ", values).transform(s -> "[" + s + "]");
    }

    /** Go's {@code %#v} for a {@code []string}: {@code []string{"a", "b"}}. */
    public static String goSyntaxStringSlice(Collection<String> values) {
        return values.stream().map(GoFormat::quote).collect(Collectors.joining(", ", "[]string{", "}"));
    }

    /**
     * {@code time.Time.String()} in UTC; an empty value is Go's zero time, which is what go-oidc reports for a token
     * without an {@code exp} claim.
     */
    public static String time(Optional<Instant> instant) {
        if (instant.isEmpty()) {
            return "0001-01-01 00:00:00 +0000 UTC";
        }
        Instant t = instant.get();
        StringBuilder s = new StringBuilder(SECONDS.format(t));
        if (t.getNano() != 0) {
            String nanos = String.format("%09d", t.getNano()).replaceAll("0+$", "");
            s.append('.').append(nanos);
        }
        return s.append(" +0000 UTC").toString();
    }

    /** {@code http.Response.Status}: {@code "404 Not Found"}. */
    public static String httpStatus(int code) {
        String text = STATUS_TEXT.get(code);
        return text == null ? Integer.toString(code) : code + " " + text;
    }

    /** The JSON value kind encoding/json names in "cannot unmarshal X into Go value" errors. */
    public static String jsonKind(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        return "null";
    }
}
