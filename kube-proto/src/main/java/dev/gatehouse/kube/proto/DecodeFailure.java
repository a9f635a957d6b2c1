package dev.gatehouse.kube.proto;

/**
 * A decoding error deep inside the wire parser or the renderer; {@link ProtobufDecoder} turns it into a
 * {@link ProtobufDecodeException} that also names the kind being decoded. Carries no stack trace: it is an
 * expected outcome of bad input, not a bug.
 */
final class DecodeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DecodeFailure(String message) {
        super(message, null, false, false);
    }
}
