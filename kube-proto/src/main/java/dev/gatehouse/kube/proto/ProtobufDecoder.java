package dev.gatehouse.kube.proto;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import io.kubernetes.client.proto.Runtime;

/**
 * Turns a Kubernetes protobuf request body ({@code Content-Type: application/vnd.kubernetes.protobuf}) into the JSON
 * object a JSON client would have sent for the same object.
 *
 * <p>The body is the four magic bytes {@code k8s\0} followed by a {@code runtime.Unknown} envelope whose
 * {@code typeMeta} names the kind and whose {@code raw} holds the typed message. Decoding follows kube-apiserver
 * 1.32: its protobuf serializer for the envelope and kind lookup, gogo's generated decoders for the message
 * (errors included), and Go's {@code encoding/json} for which fields the JSON has. See {@link GoJsonRenderer} for
 * the JSON rules and {@link KindRegistry} for the kinds understood.
 *
 * <p>Instances are immutable and thread-safe; the kind index and field table are built once, on first use.
 */
public final class ProtobufDecoder {

    /** The request Content-Type of these bodies. */
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};
    private static final String WRONG_PREFIX =
            "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]";
    private static final GroupVersionKind NO_DEFAULTS = new GroupVersionKind("", "", "");

    private final KindRegistry registry;
    private final WireParser parser;
    private final GoJsonRenderer renderer;

    public ProtobufDecoder() {
        this(KindRegistry.standard(), StandardFields.TABLE);
    }

    ProtobufDecoder(KindRegistry registry, GoJsonFields goFields) {
        this.registry = registry;
        this.parser = new WireParser(goFields);
        this.renderer = new GoJsonRenderer(goFields, this::decodeNested);
    }

    private static final class StandardFields {
        static final GoJsonFields TABLE = GoJsonFields.load();
    }

    /** Whether {@code body} starts with the Kubernetes protobuf magic {@code k8s\0}. */
    public static boolean hasProtobufPrefix(byte[] body) {
        if (body.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (body[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes a body whose envelope must name both apiVersion and kind (client-go always sends both). */
    public DecodedObject decode(byte[] body) throws ProtobufDecodeException {
        return decode(body, NO_DEFAULTS);
    }

    /**
     * Decodes a body, taking a missing kind, or a missing version together with its group, from {@code defaults}:
     * kube-apiserver passes the endpoint's group, version and kind here.
     */
    public DecodedObject decode(byte[] body, GroupVersionKind defaults) throws ProtobufDecodeException {
        Envelope envelope;
        try {
            envelope = readEnvelope(body, 0);
        } catch (DecodeFailure e) {
            throw new ProtobufDecodeException(e.getMessage(), null);
        }
        GroupVersionKind gvk = envelope.typeMeta().withDefaults(defaults);
        try {
            return decodeTyped(envelope, gvk, 0);
        } catch (DecodeFailure e) {
            throw new ProtobufDecodeException(e.getMessage(), gvk);
        }
    }

    private record Envelope(String apiVersion, String kind, byte[] raw) {
        GroupVersionKind typeMeta() {
            return GroupVersionKind.fromApiVersionAndKind(apiVersion, kind);
        }
    }

    private Envelope readEnvelope(byte[] body, int depth) {
        if (body.length == 0) {
            throw new DecodeFailure("empty data");
        }
        if (!hasProtobufPrefix(body)) {
            throw new DecodeFailure(WRONG_PREFIX);
        }
        if (body.length == MAGIC.length) {
            throw new DecodeFailure("empty body");
        }
        ParsedMessage unknown = parser.parse(Runtime.Unknown.getDescriptor(), body, MAGIC.length, body.length,
                depth + 1);
        ParsedMessage typeMeta = unknown.get(1) instanceof ParsedMessage m
                ? m
                : new ParsedMessage(Runtime.TypeMeta.getDescriptor());
        return new Envelope(stringField(typeMeta, 1), stringField(typeMeta, 2),
                unknown.get(2) instanceof byte[] raw ? raw : new byte[0]);
    }

    private DecodedObject decodeTyped(Envelope envelope, GroupVersionKind gvk, int depth) {
        if (gvk.kind().isEmpty()) {
            throw new DecodeFailure("Object 'Kind' is missing in '" + goSyntax(envelope) + "'");
        }
        if (gvk.version().isEmpty()) {
            throw new DecodeFailure("Object 'apiVersion' is missing in '" + goSyntax(envelope) + "'");
        }
        Descriptor type = registry.find(gvk)
                .orElseThrow(() -> new DecodeFailure(KindRegistry.notRegisteredMessage(gvk)));
        ParsedMessage message = parser.parse(type, envelope.raw(), 0, envelope.raw().length, depth + 1);
        ObjectNode body = renderer.renderObject(message, depth + 1);
        // Go writes the inlined TypeMeta first: kind, then apiVersion.
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("kind", gvk.kind());
        object.put("apiVersion", gvk.apiVersion());
        object.setAll(body);
        return new DecodedObject(gvk.apiVersion(), gvk.kind(), object);
    }

    /** A protobuf object inside a RawExtension: decoded like a body, without defaults, errors passed up as is. */
    private ObjectNode decodeNested(byte[] body, int depth) {
        Envelope envelope = readEnvelope(body, depth);
        return decodeTyped(envelope, envelope.typeMeta(), depth).object();
    }

    private static String stringField(ParsedMessage message, int number) {
        return message.get(number) instanceof String s ? s : "";
    }

    /** Go's {@code %#v} of the envelope's {@code runtime.TypeMeta}, which the missing-kind errors quote. */
    private static String goSyntax(Envelope envelope) {
        return "runtime.TypeMeta{APIVersion:" + GoStrings.quote(envelope.apiVersion()) + ", Kind:"
                + GoStrings.quote(envelope.kind()) + "}";
    }
}
