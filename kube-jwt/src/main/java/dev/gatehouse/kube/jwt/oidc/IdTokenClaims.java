package dev.gatehouse.kube.jwt.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered claims go-oidc v2 decodes from the payload before checking the token ({@code idToken}), with
 * encoding/json's semantics: {@code aud} is a string or a string array, times are numbers (or numeric strings)
 * truncated to whole seconds, null leaves a field unset.
 *
 * @param issuer      {@code iss}
 * @param audience    {@code aud}
 * @param expiry      {@code exp}; empty is Go's zero time (always expired)
 * @param notBefore   {@code nbf}
 * @param claimNames  {@code _claim_names} (distributed claims)
 * @param claimSources the keys of {@code _claim_sources}
 */
record IdTokenClaims(String issuer, List<String> audience, Optional<Instant> expiry, Optional<Instant> notBefore,
                     Map<String, String> claimNames, List<String> claimSources) {

    /** The decoded claims, or the reason (after {@code oidc: failed to unmarshal claims: }). */
    record Decoded(Optional<IdTokenClaims> claims, String problem) {
    }

    static Decoded decode(JsonNode payload) {
        String issuer = "";
        List<String> audience = List.of();
        Optional<Instant> expiry = Optional.empty();
        Optional<Instant> notBefore = Optional.empty();
        Map<String, String> claimNames = Map.of();
        List<String> claimSources = List.of();
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            String problem = "";
            if (value.isNull()) {
                // encoding/json hands null to custom unmarshalers of non-pointer fields: audience decodes it as
                // one empty string and jsonTime fails on it; everything else is left unset.
                switch (field.getKey()) {
                    case "aud" -> audience = List.of("");
                    case "exp", "iat" -> problem = "strconv.ParseFloat: parsing \"\": invalid syntax";
                    default -> {
                    }
                }
                if (!problem.isEmpty()) {
                    return new Decoded(Optional.empty(), problem);
                }
                continue;
            }
            switch (field.getKey()) {
                case "iss", "sub", "nonce", "at_hash" -> {
                    if (!value.isTextual()) {
                        problem = structFieldError(value, field.getKey(), "string");
                    } else if (field.getKey().equals("iss")) {
                        issuer = value.textValue();
                    }
                }
                case "aud" -> {
                    Optional<List<String>> parsed = audience(value);
                    if (parsed.isEmpty()) {
                        problem = "json: cannot unmarshal " + GoFormat.jsonKind(value) + " into Go value of type []string";
                    } else {
                        audience = parsed.get();
                    }
                }
                case "exp", "iat", "nbf" -> {
                    Optional<Instant> time = unixTime(value);
                    if (time.isEmpty()) {
                        problem = value.isTextual()
                                ? "json: invalid number literal, trying to unmarshal " + GoFormat.quote(value.toString())
                                        + " into Number"
                                : "json: cannot unmarshal " + GoFormat.jsonKind(value) + " into Go value of type json.Number";
                    } else if (field.getKey().equals("exp")) {
                        expiry = time;
                    } else if (field.getKey().equals("nbf")) {
                        notBefore = time;
                    }
                }
                case "_claim_names" -> {
                    Optional<Map<String, String>> names = stringMap(value);
                    if (names.isEmpty()) {
                        problem = structFieldError(value, "_claim_names", "map[string]string");
                    } else {
                        claimNames = names.get();
                    }
                }
                case "_claim_sources" -> {
                    if (!value.isObject()) {
                        problem = structFieldError(value, "_claim_sources", "map[string]oidc.claimSource");
                    } else {
                        List<String> keys = new ArrayList<>();
                        value.fieldNames().forEachRemaining(keys::add);
                        claimSources = keys;
                    }
                }
                default -> {
                    // Other claims are read later by the claim mappings.
                }
            }
            if (!problem.isEmpty()) {
                return new Decoded(Optional.empty(), problem);
            }
        }
        return new Decoded(Optional.of(new IdTokenClaims(issuer, audience, expiry, notBefore, claimNames,
                claimSources)), "");
    }

    private static String structFieldError(JsonNode value, String field, String type) {
        return "json: cannot unmarshal " + GoFormat.jsonKind(value) + " into Go struct field idToken." + field
                + " of type " + type;
    }

    private static Optional<List<String>> audience(JsonNode value) {
        if (value.isTextual()) {
            return Optional.of(List.of(value.textValue()));
        }
        if (!value.isArray()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (element.isNull()) {
                out.add("");
            } else if (element.isTextual()) {
                out.add(element.textValue());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** go-oidc's {@code jsonTime}: an int64, else a float truncated toward zero. */
    private static Optional<Instant> unixTime(JsonNode value) {
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                number = new BigDecimal(value.textValue());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = number.toBigIntegerExact().longValueExact();
        } catch (ArithmeticException notAnInt64) {
            seconds = (long) number.doubleValue();
        }
        long clamped = Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), seconds));
        return Optional.of(Instant.ofEpochSecond(clamped));
    }

    private static Optional<Map<String, String>> stringMap(JsonNode value) {
        if (!value.isObject()) {
            return Optional.empty();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                out.put(e.getKey(), "");
            } else if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
