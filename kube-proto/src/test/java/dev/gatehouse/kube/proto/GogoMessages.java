package dev.gatehouse.kube.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.kubernetes.client.proto.Runtime;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Builds request bodies the way client-go does: the typed message from the generated client-java-proto builders,
 * with the zero values gogo writes for every Go value field, inside a {@code k8s\0} + {@code runtime.Unknown}
 * envelope.
 *
 * <p>gogo's marshaller writes a non-pointer Go field whatever its value (empty strings, {@code generation: 0}, an
 * empty {@code creationTimestamp {}}), and leaves out nil pointers, nil slices and nil {@code []byte}. A test case
 * lists only what kubectl sets; {@link #addGogoZeroValues} adds the rest, so the decoder sees realistic bytes.
 */
final class GogoMessages {

    static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};

    private static final GoJsonFields GO_FIELDS = GoJsonFields.load();

    private GogoMessages() {
    }

    /** A generated builder for {@code type}, e.g. {@code V1Rbac.Role.newBuilder()} for {@code k8s.io.api.rbac.v1.Role}. */
    static Message.Builder generatedBuilder(Descriptor type) {
        String outer = type.getFile().getOptions().getJavaOuterClassname();
        String className = type.getFile().getOptions().getJavaPackage() + "." + outer + "$" + type.getName();
        try {
            return (Message.Builder) Class.forName(className).getMethod("newBuilder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no generated class " + className, e);
        }
    }

    /** Parses protobuf text format into the generated message for {@code type}. */
    static Message.Builder fromText(Descriptor type, String text) {
        Message.Builder builder = generatedBuilder(type);
        try {
            TextFormat.getParser().merge(text, builder);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException("bad text format for " + type.getFullName() + ": " + e.getMessage(), e);
        }
        return builder;
    }

    /** Sets, recursively, every Go value field that the builder leaves unset to its zero value, as gogo sends it. */
    static Message.Builder addGogoZeroValues(Message.Builder builder) {
        Descriptor type = builder.getDescriptorForType();
        Optional<WellKnownType> known = WellKnownType.of(type);
        if (known.isPresent()) {
            addWellKnownZeroValues(builder, known.get());
            return builder;
        }
        for (FieldDescriptor field : type.getFields()) {
            GoField go = GO_FIELDS.field(field);
            if (field.isMapField() || go.is(GoField.Flag.LIST) && !field.isRepeated()) {
                continue;
            }
            if (field.isRepeated()) {
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    for (int i = 0; i < builder.getRepeatedFieldCount(field); i++) {
                        addGogoZeroValues(builder.getRepeatedFieldBuilder(field, i));
                    }
                }
                continue;
            }
            boolean pointer = go.is(GoField.Flag.POINTER);
            switch (field.getJavaType()) {
                case MESSAGE -> {
                    if (builder.hasField(field) || !pointer) {
                        addGogoZeroValues(builder.getFieldBuilder(field));
                    }
                }
                case BYTE_STRING -> {
                    // A nil Go []byte is not written.
                }
                default -> {
                    if (!pointer && !builder.hasField(field)) {
                        builder.setField(field, field.getDefaultValue());
                    }
                }
            }
        }
        return builder;
    }

    /** Quantity always writes its canonical text ("0" for zero); Duration its nanoseconds; Time nothing when zero. */
    private static void addWellKnownZeroValues(Message.Builder builder, WellKnownType type) {
        FieldDescriptor first = builder.getDescriptorForType().findFieldByNumber(1);
        switch (type) {
            case QUANTITY -> {
                if (!builder.hasField(first)) {
                    builder.setField(first, "0");
                }
            }
            case DURATION -> {
                if (!builder.hasField(first)) {
                    builder.setField(first, 0L);
                }
            }
            case INT_OR_STRING -> {
                for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
                    if (!builder.hasField(field)) {
                        builder.setField(field, field.getDefaultValue());
                    }
                }
            }
            case TIME, MICRO_TIME, FIELDS_V1, RAW_EXTENSION -> {
                // Written by hand-made or []byte-only marshallers: nothing more for a zero value.
            }
        }
    }

    /** The request body client-go sends: magic, then Unknown{typeMeta, raw, contentEncoding "", contentType ""}. */
    static byte[] envelope(String apiVersion, String kind, byte[] raw) {
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(ByteString.copyFrom(raw))
                .setContentEncoding("")
                .setContentType("")
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.writeBytes(unknown.toByteArray());
        return out.toByteArray();
    }
}
