package dev.gatehouse.kube.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message as read off the wire, before JSON rendering: which fields were present, with their values.
 *
 * <p>Values are {@code Long} (every varint type), {@code Boolean}, {@code Double}/{@code Float}, {@code String},
 * {@code byte[]} and nested {@code ParsedMessage}s; repeated fields hold a {@code List}, map fields a
 * {@code Map} in wire order (the renderer sorts keys, as Go's encoder does). Presence is what matters: a
 * message whose fields are all absent is what gogo writes for an empty Go struct.
 */
final class ParsedMessage {

    private final Descriptor type;
    private final Map<Integer, Object> values = new HashMap<>();

    ParsedMessage(Descriptor type) {
        this.type = type;
    }

    Descriptor type() {
        return type;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean has(FieldDescriptor field) {
        return values.containsKey(field.getNumber());
    }

    Object get(FieldDescriptor field) {
        return values.get(field.getNumber());
    }

    Object get(int fieldNumber) {
        return values.get(fieldNumber);
    }

    void set(FieldDescriptor field, Object value) {
        values.put(field.getNumber(), value);
    }

    @SuppressWarnings("unchecked")
    void add(FieldDescriptor field, Object element) {
        ((List<Object>) values.computeIfAbsent(field.getNumber(), n -> new ArrayList<>())).add(element);
    }

    @SuppressWarnings("unchecked")
    void put(FieldDescriptor field, Object key, Object value) {
        ((Map<Object, Object>) values.computeIfAbsent(field.getNumber(), n -> new LinkedHashMap<>())).put(key, value);
    }

    @SuppressWarnings("unchecked")
    List<Object> list(FieldDescriptor field) {
        return (List<Object>) values.getOrDefault(field.getNumber(), List.of());
    }

    @SuppressWarnings("unchecked")
    Map<Object, Object> map(FieldDescriptor field) {
        return (Map<Object, Object>) values.getOrDefault(field.getNumber(), Map.of());
    }

    /** The nested message already read for a singular field, created empty on first use (gogo merges repeats). */
    ParsedMessage child(FieldDescriptor field) {
        return (ParsedMessage) values.computeIfAbsent(field.getNumber(), n -> new ParsedMessage(field.getMessageType()));
    }
}
