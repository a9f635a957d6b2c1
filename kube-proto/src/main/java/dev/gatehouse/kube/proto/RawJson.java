package dev.gatehouse.kube.proto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON carried as bytes inside protobuf ({@code RawExtension.raw}, {@code FieldsV1.Raw}), which Go writes into
 * the JSON output verbatim. Read here as exactly one JSON value, with a nesting limit.
 */
final class RawJson {

    static final int MAX_NESTING_DEPTH = 1000;

    private static final byte[] CBOR_SELF_DESCRIBED = {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7};
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private RawJson() {
    }

    /**
     * A RawExtension's bytes, classified like Go's {@code guessContentType}: JSON when they open like a JSON value,
     * CBOR (refused here) after the self-described CBOR tag, otherwise unrecognized.
     */
    static JsonNode rawExtension(byte[] raw) {
        if (startsWith(raw, CBOR_SELF_DESCRIBED)) {
            throw new DecodeFailure("RawExtension holds CBOR, which this server does not accept");
        }
        if (raw.length == 0 || "\t\r\n {[ntf\"-0123456789".indexOf(raw[0]) < 0) {
            throw new DecodeFailure("cannot convert RawExtension with unrecognized content type to unstructured");
        }
        return parse(raw, "RawExtension");
    }

    /** FieldsV1 bytes: CBOR by its first byte (refused here), anything else taken as JSON, as Go does. */
    static JsonNode fieldsV1(byte[] raw) {
        if (raw.length > 0) {
            int first = raw[0] & 0xFF;
            if (first == 0xf6 || first >= 0xa0 && first <= 0xbf || first >= 0xc6 && first <= 0xdb) {
                throw new DecodeFailure("FieldsV1 holds CBOR, which this server does not accept");
            }
        }
        return parse(raw, "FieldsV1");
    }

    private static JsonNode parse(byte[] raw, String typeName) {
        String failure = "failed to parse " + typeName + " bytes as JSON: ";
        try (JsonParser parser = FACTORY.createParser(raw)) {
            JsonNode value = MAPPER.readTree(parser);
            if (value == null || value.isMissingNode()) {
                throw new DecodeFailure(failure + "unexpected end of JSON input");
            }
            if (parser.nextToken() != null) {
                throw new DecodeFailure(failure + "unexpected data after the top-level value at offset "
                        + parser.currentTokenLocation().getByteOffset());
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new DecodeFailure(failure + "nesting deeper than " + MAX_NESTING_DEPTH + " levels");
        } catch (StreamReadException e) {
            // The streaming parser's own wording names characters and expectations, never Java types.
            throw new DecodeFailure(failure + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DecodeFailure(failure + "malformed input");
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
