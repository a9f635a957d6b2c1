package dev.gatehouse.kube.jwt.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.jwt.cel.CelValues;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A token's claims read with upstream's {@code claims.unmarshalClaim} semantics (encoding/json into a Go value):
 * JSON null reads as the zero value, other type mismatches give Go's error text.
 */
final class ClaimSet {

    /** Thrown with the text upstream's error would have after its own prefix. */
    static final class ClaimException extends Exception {
        ClaimException(String message) {
            super(message);
        }
    }

    private final JsonNode claims;
    private Object celValue;

    ClaimSet(JsonNode claims) {
        this.claims = claims;
    }

    boolean has(String name) {
        return claims.has(name);
    }

    private JsonNode require(String name) throws ClaimException {
        JsonNode value = claims.get(name);
        if (value == null) {
            throw new ClaimException("claim not present");
        }
        return value;
    }

    String string(String name) throws ClaimException {
        JsonNode value = require(name);
        if (value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ClaimException(mismatch(value, "string"));
        }
        return value.textValue();
    }

    boolean bool(String name) throws ClaimException {
        JsonNode value = require(name);
        if (value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new ClaimException(mismatch(value, "bool"));
        }
        return value.booleanValue();
    }

    /** Upstream's {@code stringOrArray}: a string array, else a single string. */
    List<String> stringOrArray(String name) throws ClaimException {
        JsonNode value = require(name);
        if (value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> out = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                if (element.isNull()) {
                    out.add("");
                } else if (element.isTextual()) {
                    out.add(element.textValue());
                } else {
                    throw new ClaimException(mismatch(value, "string"));
                }
            }
            return out;
        }
        if (!value.isTextual()) {
            throw new ClaimException(mismatch(value, "string"));
        }
        return List.of(value.textValue());
    }

    /** The claims as the CEL {@code claims} variable; converted once, on first use. */
    Object celValue() {
        if (celValue == null) {
            celValue = CelValues.fromJson(claims);
        }
        return celValue;
    }

    private static String mismatch(JsonNode value, String goType) {
        return "json: cannot unmarshal " + GoFormat.jsonKind(value) + " into Go value of type " + goType;
    }
}
