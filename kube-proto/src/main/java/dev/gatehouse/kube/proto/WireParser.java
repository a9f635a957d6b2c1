package dev.gatehouse.kube.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads protobuf bytes against a descriptor the way Kubernetes' gogo-generated {@code Unmarshal} methods do, with
 * their error messages.
 *
 * <p>Why not protobuf-java's parser: clients print the API server's error text, which comes from the Go code
 * ({@code proto: Role: illegal tag 0 (wire type 0)}, {@code unexpected EOF}); and this reader keeps exactly what
 * the Go structs would hold, such as replacing rather than merging a repeated {@code Time}. Unknown fields are
 * skipped, as in Go. Nesting is capped at {@link #MAX_DEPTH} messages.
 */
final class WireParser {

    static final int MAX_DEPTH = 100;

    static final String TOO_DEEP = "proto: exceeded maximum recursion depth";

    private final GoJsonFields goFields;

    WireParser(GoJsonFields goFields) {
        this.goFields = goFields;
    }

    /** Parses {@code data[from, to)} as one {@code type} message found {@code depth} messages deep. */
    ParsedMessage parse(Descriptor type, byte[] data, int from, int to, int depth) {
        ParsedMessage message = new ParsedMessage(type);
        parseInto(message, data, from, to, depth);
        return message;
    }

    private void parseInto(ParsedMessage target, byte[] data, int from, int to, int depth) {
        if (depth > MAX_DEPTH) {
            throw new DecodeFailure(TOO_DEEP);
        }
        Descriptor type = target.type();
        WireCursor in = new WireCursor(data, from, to);
        while (in.pos < to) {
            int tagStart = in.pos;
            long tag = in.varint();
            int fieldNumber = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (wireType == 4) {
                throw new DecodeFailure("proto: " + errorTypeName(type) + ": wiretype end group for non-group");
            }
            if (fieldNumber <= 0) {
                throw new DecodeFailure("proto: " + errorTypeName(type) + ": illegal tag " + fieldNumber
                        + " (wire type " + Long.toUnsignedString(tag) + ")");
            }
            FieldDescriptor field = type.findFieldByNumber(fieldNumber);
            if (field == null) {
                in.pos = tagStart;
                in.skipField();
            } else {
                readField(target, field, wireType, in, depth);
            }
        }
        if (WellKnownType.of(type).orElse(null) == WellKnownType.QUANTITY && target.get(1) instanceof String text) {
            QuantitySyntax.check(text).ifPresent(error -> {
                throw new DecodeFailure(error);
            });
        }
    }

    private void readField(ParsedMessage target, FieldDescriptor field, int wireType, WireCursor in, int depth) {
        if (field.isMapField()) {
            expectWireType(field, wireType, 2);
            readMapEntry(target, field, in, depth);
            return;
        }
        switch (field.getType()) {
            case STRING, BYTES -> {
                expectWireType(field, wireType, 2);
                int end = in.lengthDelimitedEnd();
                Object value = field.getType() == FieldDescriptor.Type.STRING
                        ? new String(in.data, in.pos, end - in.pos, StandardCharsets.UTF_8)
                        : Arrays.copyOfRange(in.data, in.pos, end);
                in.pos = end;
                store(target, field, value);
            }
            case MESSAGE, GROUP -> {
                expectWireType(field, wireType, 2);
                int end = in.lengthDelimitedEnd();
                if (field.isRepeated() || replacesOnRepeat(field.getMessageType())) {
                    store(target, field, parse(field.getMessageType(), in.data, in.pos, end, depth + 1));
                } else {
                    parseInto(target.child(field), in.data, in.pos, end, depth + 1);
                }
                in.pos = end;
            }
            default -> readNumeric(target, field, wireType, in);
        }
    }

    /** Varint and fixed-width fields; repeated ones may come one per tag or packed into one length-delimited run. */
    private void readNumeric(ParsedMessage target, FieldDescriptor field, int wireType, WireCursor in) {
        int expected = numericWireType(field.getType());
        if (wireType == expected) {
            store(target, field, in.numeric(field.getType()));
        } else if (wireType == 2 && field.isRepeated()) {
            int end = in.lengthDelimitedEnd();
            WireCursor packed = new WireCursor(in.data, in.pos, end);
            while (packed.pos < end) {
                target.add(field, packed.numeric(field.getType()));
            }
            in.pos = end;
        } else {
            throw wrongWireType(field, wireType);
        }
    }

    /**
     * One map entry. Like gogo, the entry's own wire types are not checked, absent keys and values take their zero
     * value, and a later entry with the same key wins.
     */
    private void readMapEntry(ParsedMessage target, FieldDescriptor field, WireCursor in, int depth) {
        int end = in.lengthDelimitedEnd();
        FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
        Object key = null;
        Object value = null;
        while (in.pos < end) {
            int entryStart = in.pos;
            int entryField = (int) (in.varint() >>> 3);
            if (entryField == 1) {
                key = readMapScalar(keyField, in);
            } else if (entryField == 2) {
                if (valueField.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    int valueEnd = in.lengthDelimitedEnd();
                    value = parse(valueField.getMessageType(), in.data, in.pos, valueEnd, depth + 1);
                    in.pos = valueEnd;
                } else {
                    value = readMapScalar(valueField, in);
                }
            } else {
                in.pos = entryStart;
                int skipped = in.skipLength();
                if ((long) entryStart + skipped > end) {
                    throw new DecodeFailure(WireCursor.UNEXPECTED_EOF);
                }
                in.pos = entryStart + skipped;
            }
        }
        target.put(field, key != null ? key : zeroValue(keyField), value != null ? value : zeroValue(valueField));
        in.pos = end;
    }

    private static Object readMapScalar(FieldDescriptor field, WireCursor in) {
        return switch (field.getType()) {
            case STRING, BYTES -> {
                int end = in.lengthDelimitedEnd();
                Object value = field.getType() == FieldDescriptor.Type.STRING
                        ? new String(in.data, in.pos, end - in.pos, StandardCharsets.UTF_8)
                        : Arrays.copyOfRange(in.data, in.pos, end);
                in.pos = end;
                yield value;
            }
            default -> in.numeric(field.getType());
        };
    }

    private static void store(ParsedMessage target, FieldDescriptor field, Object value) {
        if (field.isRepeated()) {
            target.add(field, value);
        } else {
            target.set(field, value);
        }
    }

    /** Go's zero value for a map key or value that the entry left out. */
    static Object zeroValue(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case STRING -> "";
            case BYTE_STRING -> new byte[0];
            case BOOLEAN -> Boolean.FALSE;
            case DOUBLE -> 0.0d;
            case FLOAT -> 0.0f;
            case MESSAGE -> new ParsedMessage(field.getMessageType());
            default -> 0L;
        };
    }

    /** Time and MicroTime have hand-written Go decoders that replace the whole value instead of merging. */
    private static boolean replacesOnRepeat(Descriptor message) {
        return WellKnownType.of(message).map(WellKnownType::decodesAsTimestamp).orElse(false);
    }

    private static int numericWireType(FieldDescriptor.Type type) {
        return switch (type) {
            case DOUBLE, FIXED64, SFIXED64 -> 1;
            case FLOAT, FIXED32, SFIXED32 -> 5;
            default -> 0;
        };
    }

    private void expectWireType(FieldDescriptor field, int actual, int expected) {
        if (actual != expected) {
            throw wrongWireType(field, actual);
        }
    }

    private DecodeFailure wrongWireType(FieldDescriptor field, int wireType) {
        return new DecodeFailure("proto: wrong wireType = " + wireType + " for field " + errorFieldName(field));
    }

    /** The Go type name gogo prints; Time and MicroTime are decoded as the Timestamp struct. */
    private static String errorTypeName(Descriptor type) {
        Optional<WellKnownType> known = WellKnownType.of(type);
        return known.isPresent() && known.get().decodesAsTimestamp() ? "Timestamp" : type.getName();
    }

    private String errorFieldName(FieldDescriptor field) {
        Optional<WellKnownType> owner = WellKnownType.of(field.getContainingType());
        if (owner.isPresent() && owner.get().decodesAsTimestamp()) {
            return field.getNumber() == 1 ? "Seconds" : "Nanos";
        }
        if (owner.isPresent() && owner.get() == WellKnownType.QUANTITY) {
            return "String_";
        }
        return goFields.field(field).goName();
    }
}
