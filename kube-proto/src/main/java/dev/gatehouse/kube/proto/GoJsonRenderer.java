package dev.gatehouse.kube.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link ParsedMessage} as the JSON that Go's {@code encoding/json} produces for the struct gogo decodes
 * it into.
 *
 * <p>Per field, the Go declaration ({@link GoField}) decides: pointers appear exactly when sent; value fields
 * always exist in Go, so a value struct is written even when absent from the wire ({@code "status": {}}), and a
 * scalar is written unless it is zero and {@code omitempty}; empty slices and maps are left out when
 * {@code omitempty} and {@code null} otherwise. Members follow the Go struct order and map keys are sorted, as
 * Go writes them. One deliberate departure: a zero {@code Time} (Go's {@code "creationTimestamp": null}) is left
 * out. Quantities keep the text sent, which for client-go is already canonical.
 */
final class GoJsonRenderer {

    /** Decodes the protobuf object nested in a RawExtension, {@code depth} messages down. */
    @FunctionalInterface
    interface NestedObjectDecoder {
        ObjectNode decode(byte[] body, int depth);
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final GoJsonFields goFields;
    private final NestedObjectDecoder nestedDecoder;

    GoJsonRenderer(GoJsonFields goFields, NestedObjectDecoder nestedDecoder) {
        this.goFields = goFields;
        this.nestedDecoder = nestedDecoder;
    }

    ObjectNode renderObject(ParsedMessage message, int depth) {
        ObjectNode node = JSON.objectNode();
        writeFields(node, message, depth);
        return node;
    }

    private void writeFields(ObjectNode node, ParsedMessage message, int depth) {
        for (FieldDescriptor field : message.type().getFields()) {
            GoField go = goFields.field(field);
            if (go.is(GoField.Flag.HIDDEN)) {
                continue;
            }
            if (go.is(GoField.Flag.INLINE)) {
                writeInline(node, message, field, go, depth);
                continue;
            }
            renderField(message, field, go, depth).ifPresent(value -> node.set(go.jsonName(), value));
        }
    }

    /** An embedded struct: its members join the enclosing object, where Go lets the outer ones win. */
    private void writeInline(ObjectNode node, ParsedMessage message, FieldDescriptor field, GoField go, int depth) {
        if (!message.has(field) && go.is(GoField.Flag.POINTER)) {
            return;
        }
        ParsedMessage inner = message.has(field)
                ? (ParsedMessage) message.get(field)
                : new ParsedMessage(field.getMessageType());
        ObjectNode members = renderObject(inner, depth + 1);
        for (Map.Entry<String, JsonNode> member : members.properties()) {
            if (!node.has(member.getKey())) {
                node.set(member.getKey(), member.getValue());
            }
        }
    }

    private Optional<JsonNode> renderField(ParsedMessage message, FieldDescriptor field, GoField go, int depth) {
        if (field.isMapField()) {
            return renderMap(message.map(field), go, depth);
        }
        if (field.isRepeated()) {
            return renderList(message.list(field), go, depth);
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            return renderMessageField(message, field, go, depth);
        }
        return renderScalarField(message, field, go);
    }

    private Optional<JsonNode> renderList(List<Object> elements, GoField go, int depth) {
        if (elements.isEmpty()) {
            return emptyCollection(go);
        }
        ArrayNode array = JSON.arrayNode(elements.size());
        for (Object element : elements) {
            array.add(renderValue(element, depth));
        }
        return Optional.of(array);
    }

    private Optional<JsonNode> renderMap(Map<Object, Object> entries, GoField go, int depth) {
        if (entries.isEmpty()) {
            return emptyCollection(go);
        }
        // Go's encoder sorts map keys by their UTF-8 bytes, which is code point order.
        List<Map.Entry<Object, Object>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort((a, b) -> compareCodePoints(String.valueOf(a.getKey()), String.valueOf(b.getKey())));
        ObjectNode object = JSON.objectNode();
        for (Map.Entry<Object, Object> entry : sorted) {
            object.set(String.valueOf(entry.getKey()), renderValue(entry.getValue(), depth));
        }
        return Optional.of(object);
    }

    /** A nil Go slice or map: left out under {@code omitempty}, {@code null} otherwise. */
    private static Optional<JsonNode> emptyCollection(GoField go) {
        return go.is(GoField.Flag.OMITEMPTY) ? Optional.empty() : Optional.of(JSON.nullNode());
    }

    private Optional<JsonNode> renderMessageField(ParsedMessage message, FieldDescriptor field, GoField go,
            int depth) {
        boolean present = message.has(field);
        if (go.is(GoField.Flag.LIST)) {
            // A Go named slice (Verbs) sent as a wrapper message: nil when absent, else a possibly empty slice.
            if (!present) {
                return emptyCollection(go);
            }
            ArrayNode items = listWrapperItems((ParsedMessage) message.get(field), depth);
            return items.isEmpty() && go.is(GoField.Flag.OMITEMPTY) ? Optional.empty() : Optional.of(items);
        }
        if (!present && go.is(GoField.Flag.POINTER)) {
            return Optional.empty();
        }
        ParsedMessage value = present ? (ParsedMessage) message.get(field) : new ParsedMessage(field.getMessageType());
        return renderMessage(value, depth + 1);
    }

    private Optional<JsonNode> renderScalarField(ParsedMessage message, FieldDescriptor field, GoField go) {
        boolean present = message.has(field);
        Object value = present ? message.get(field) : WireParser.zeroValue(field);
        if (go.is(GoField.Flag.POINTER)) {
            return present ? Optional.of(scalar(value)) : Optional.empty();
        }
        if (value instanceof byte[] bytes) {
            // A Go []byte: nil unless sent; omitempty drops any empty one.
            if (go.is(GoField.Flag.OMITEMPTY)) {
                return bytes.length == 0 ? Optional.empty() : Optional.of(scalar(bytes));
            }
            return present ? Optional.of(scalar(bytes)) : Optional.of(JSON.nullNode());
        }
        if (go.is(GoField.Flag.OMITEMPTY) && isZero(value)) {
            return Optional.empty();
        }
        return Optional.of(scalar(value));
    }

    /** An element of a repeated field or a map value: always written, so a would-be-omitted value becomes null. */
    private JsonNode renderValue(Object value, int depth) {
        if (value instanceof ParsedMessage message) {
            return renderMessage(message, depth + 1).orElseGet(JSON::nullNode);
        }
        return scalar(value);
    }

    /** A message value; empty only for a zero Time or MicroTime, which are left out rather than written as null. */
    private Optional<JsonNode> renderMessage(ParsedMessage message, int depth) {
        Descriptor type = message.type();
        Optional<WellKnownType> known = WellKnownType.of(type);
        if (known.isPresent()) {
            return renderWellKnown(known.get(), message, depth);
        }
        if (goFields.isListWrapper(type)) {
            return Optional.of(listWrapperItems(message, depth));
        }
        return Optional.of(renderObject(message, depth));
    }

    private ArrayNode listWrapperItems(ParsedMessage wrapper, int depth) {
        FieldDescriptor items = wrapper.type().findFieldByNumber(1);
        ArrayNode array = JSON.arrayNode();
        for (Object element : wrapper.list(items)) {
            array.add(renderValue(element, depth));
        }
        return array;
    }

    private Optional<JsonNode> renderWellKnown(WellKnownType type, ParsedMessage message, int depth) {
        return switch (type) {
            case TIME -> {
                long seconds = longField(message, 1);
                boolean zero = message.isEmpty() || seconds == GoTimeFormat.GO_ZERO_TIME_UNIX_SECONDS;
                yield zero ? Optional.empty() : Optional.of(JSON.textNode(GoTimeFormat.rfc3339(seconds)));
            }
            case MICRO_TIME -> renderMicroTime(message);
            case DURATION -> Optional.of(JSON.textNode(GoTimeFormat.duration(longField(message, 1))));
            case QUANTITY -> Optional.of(JSON.textNode(message.get(1) instanceof String s ? s : "0"));
            case INT_OR_STRING -> Optional.of(renderIntOrString(message));
            case FIELDS_V1 -> Optional.of(message.get(1) instanceof byte[] raw
                    ? RawJson.fieldsV1(raw)
                    : JSON.nullNode());
            case RAW_EXTENSION -> Optional.of(message.get(1) instanceof byte[] raw
                    ? renderRawExtension(raw, depth)
                    : JSON.nullNode());
        };
    }

    /** Go truncates the nanoseconds toward zero to microseconds, then normalises them into the seconds. */
    private static Optional<JsonNode> renderMicroTime(ParsedMessage message) {
        if (message.isEmpty()) {
            return Optional.empty();
        }
        long nanos = longField(message, 2);
        nanos -= nanos % 1000;
        long seconds = longField(message, 1) + Math.floorDiv(nanos, 1_000_000_000L);
        long nanosOfSecond = Math.floorMod(nanos, 1_000_000_000L);
        if (seconds == GoTimeFormat.GO_ZERO_TIME_UNIX_SECONDS && nanosOfSecond == 0) {
            return Optional.empty();
        }
        return Optional.of(JSON.textNode(GoTimeFormat.rfc3339Micro(seconds, nanosOfSecond)));
    }

    private static JsonNode renderIntOrString(ParsedMessage message) {
        long type = longField(message, 1);
        if (type == 0) {
            return JSON.numberNode((int) longField(message, 2));
        }
        if (type == 1) {
            return JSON.textNode(message.get(3) instanceof String s ? s : "");
        }
        throw new DecodeFailure("impossible IntOrString.Type");
    }

    /** Raw bytes are JSON (written as is by Go), or a nested protobuf object, which is decoded in turn. */
    private JsonNode renderRawExtension(byte[] raw, int depth) {
        if (ProtobufDecoder.hasProtobufPrefix(raw)) {
            return nestedDecoder.decode(raw, depth + 1);
        }
        return RawJson.rawExtension(raw);
    }

    private static long longField(ParsedMessage message, int number) {
        return message.get(number) instanceof Long value ? value : 0L;
    }

    private static boolean isZero(Object value) {
        if (value instanceof String s) {
            return s.isEmpty();
        }
        if (value instanceof Long l) {
            return l == 0L;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() == 0.0d;
        }
        return false;
    }

    /** Numbers become int nodes when they fit, as a JSON parser would read them; bytes become base64. */
    private static JsonNode scalar(Object value) {
        if (value instanceof String s) {
            return JSON.textNode(s);
        }
        if (value instanceof Long l) {
            return l == (int) (long) l ? JSON.numberNode((int) (long) l) : JSON.numberNode((long) l);
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Number n) {
            return JSON.numberNode(n.doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return JSON.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        throw new IllegalStateException("unexpected protobuf value " + value.getClass());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
