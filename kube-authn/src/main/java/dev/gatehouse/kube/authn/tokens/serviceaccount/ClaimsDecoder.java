package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a verified payload into typed claims with Go's rules: an absent or {@code null} member is the zero value,
 * a member of the wrong JSON type fails the whole token (upstream's {@code tok.Claims} returns the unmarshal error and
 * the token is rejected). NumericDates may be fractional and are truncated, as go-jose does.
 */
final class ClaimsDecoder {
    /** A claim of the wrong type; the message names it. */
    static final class InvalidClaimsException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidClaimsException(String message) {
            super(message, null, false, false);
        }
    }

    private ClaimsDecoder() {
    }

    static Claims registered(JsonNode payload) throws InvalidClaimsException {
        return new Claims(string(payload, "iss"), string(payload, "sub"), audiences(payload.get("aud")),
                numericDate(payload, "exp"), numericDate(payload, "nbf"), numericDate(payload, "iat"), string(payload, "jti"));
    }

    static BoundClaims bound(JsonNode payload) throws InvalidClaimsException {
        JsonNode k = object(payload, "kubernetes.io");
        if (k == null) {
            return new BoundClaims("", BoundClaims.Ref.EMPTY, null, null, null, null);
        }
        BoundClaims.Ref serviceAccount = ref(k, "serviceaccount");
        return new BoundClaims(string(k, "namespace"), serviceAccount == null ? BoundClaims.Ref.EMPTY : serviceAccount,
                ref(k, "pod"), ref(k, "secret"), ref(k, "node"), numericDate(k, "warnafter"));
    }

    static LegacyClaims legacy(JsonNode payload) throws InvalidClaimsException {
        return new LegacyClaims(string(payload, LegacyClaims.NAMESPACE), string(payload, LegacyClaims.SERVICE_ACCOUNT_NAME),
                string(payload, LegacyClaims.SERVICE_ACCOUNT_UID), string(payload, LegacyClaims.SECRET_NAME));
    }

    private static BoundClaims.Ref ref(JsonNode parent, String field) throws InvalidClaimsException {
        JsonNode ref = object(parent, field);
        return ref == null ? null : new BoundClaims.Ref(string(ref, "name"), string(ref, "uid"));
    }

    private static JsonNode object(JsonNode parent, String field) throws InvalidClaimsException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new InvalidClaimsException("claim " + GoText.quote(field) + " is not an object");
        }
        return n;
    }

    private static String string(JsonNode parent, String field) throws InvalidClaimsException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new InvalidClaimsException("claim " + GoText.quote(field) + " is not a string");
        }
        return n.textValue();
    }

    private static Long numericDate(JsonNode parent, String field) throws InvalidClaimsException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new InvalidClaimsException("claim " + GoText.quote(field) + " is not a number");
        }
        double value = n.asDouble();
        if (!(Math.abs(value) < 0x1p62)) {
            throw new InvalidClaimsException("claim " + GoText.quote(field) + " is out of range");
        }
        return n.isIntegralNumber() && n.canConvertToLong() ? n.longValue() : (long) value;
    }

    private static List<String> audiences(JsonNode n) throws InvalidClaimsException {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isTextual()) {
            return List.of(n.textValue());
        }
        if (!n.isArray()) {
            throw new InvalidClaimsException("claim \"aud\" is neither a string nor an array of strings");
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new InvalidClaimsException("claim \"aud\" is neither a string nor an array of strings");
            }
            out.add(e.textValue());
        }
        return out;
    }
}
