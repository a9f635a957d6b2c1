package dev.gatehouse.kube.proto;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A request body that is not a decodable Kubernetes protobuf object.
 *
 * <p>{@link #getMessage()} is the decoder's own error text, worded as kube-apiserver 1.32's protobuf serializer
 * words it (for example {@code proto: Role: illegal tag 0 (wire type 0)} or {@code no kind "Foo" is registered for
 * version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"}). The API server does not return that text alone: it
 * wraps it per endpoint, which {@link #badRequestMessage(String, byte[])} reproduces. Neither contains Java type
 * names or stack traces.
 */
public final class ProtobufDecodeException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int SUMMARY_BYTES = 30;

    private final transient GroupVersionKind decodedKind;

    ProtobufDecodeException(String message, GroupVersionKind decodedKind) {
        super(message, null, false, false);
        this.decodedKind = decodedKind;
    }

    /**
     * The group, version and kind read from the envelope (after defaulting), when decoding got that far; empty when
     * the envelope itself was unreadable.
     */
    public Optional<GroupVersionKind> decodedKind() {
        return Optional.ofNullable(decodedKind);
    }

    /**
     * The message of the 400 {@code BadRequest} Status that kube-apiserver returns when a create or update of a
     * {@code targetKind} resource carries this undecodable body (its {@code transformDecodeError}).
     *
     * @param targetKind the kind the endpoint stores, e.g. {@code Role} for {@code .../roles}
     * @param body       the request body as received
     */
    public String badRequestMessage(String targetKind, byte[] body) {
        if (decodedKind != null && !decodedKind.kind().isEmpty()) {
            return decodedKind.kind() + " in version " + GoStrings.quote(decodedKind.version())
                    + " cannot be handled as a " + targetKind + ": " + getMessage();
        }
        return "the object provided is unrecognized (must be of type " + targetKind + "): " + getMessage()
                + " (" + summarize(body) + ")";
    }

    /** The body excerpt upstream appends: JSON-looking bodies as text, anything else as hex, both cut at 30 bytes. */
    private static String summarize(byte[] body) {
        if (body.length == 0) {
            return "<empty>";
        }
        int length = Math.min(body.length, SUMMARY_BYTES);
        String suffix = body.length > SUMMARY_BYTES ? " ..." : "";
        if (body[0] == '{') {
            return new String(body, 0, length, java.nio.charset.StandardCharsets.UTF_8) + suffix;
        }
        return HexFormat.of().formatHex(body, 0, length) + suffix;
    }
}
