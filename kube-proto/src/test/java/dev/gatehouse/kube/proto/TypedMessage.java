package dev.gatehouse.kube.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.TextFormat;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * A typed object as a test table describes it: kind, text-format message, optional nested envelopes, and bytes to
 * append. Turns into the request body client-go would send.
 *
 * @param gogoZeroValues whether to add the zero values gogo writes for Go value fields (default true)
 * @param embed          nested objects, referenced in {@code message} as {@code "@embed:NAME@"} inside a bytes
 *                       field; each becomes a complete {@code k8s\0} envelope
 * @param appendMessage  text of the same message type, encoded as is and appended (protobuf merge)
 * @param appendHex      raw bytes appended after that
 */
record TypedMessage(String apiVersion, String kind, String message, Boolean gogoZeroValues,
        Map<String, TypedMessage> embed, String appendMessage, String appendHex) {

    byte[] body() {
        return GogoMessages.envelope(apiVersion, kind, raw());
    }

    /** The typed message bytes, i.e. the envelope's {@code raw}. */
    byte[] raw() {
        Descriptor type = KindRegistry.standard()
                .find(GroupVersionKind.fromApiVersionAndKind(apiVersion, kind))
                .orElseThrow(() -> new IllegalArgumentException("test case names unregistered kind " + kind));
        String text = message == null ? "" : message;
        if (embed != null) {
            for (Map.Entry<String, TypedMessage> nested : embed.entrySet()) {
                text = text.replace("@embed:" + nested.getKey() + "@",
                        TextFormat.escapeBytes(ByteString.copyFrom(nested.getValue().body())));
            }
        }
        var builder = GogoMessages.fromText(type, text);
        if (gogoZeroValues == null || gogoZeroValues) {
            GogoMessages.addGogoZeroValues(builder);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(builder.build().toByteArray());
        if (appendMessage != null) {
            out.writeBytes(GogoMessages.fromText(type, appendMessage).build().toByteArray());
        }
        if (appendHex != null) {
            out.writeBytes(TestData.hex(appendHex));
        }
        return out.toByteArray();
    }
}
