package dev.gatehouse.kube.jwt.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.util.Optional;

/**
 * Upstream's {@code untrustedIssuer}: the {@code iss} of a compact JWT read without verifying anything, used only
 * to pick the authenticator that will verify the token.
 */
final class UnverifiedIssuer {

    static final String GOOGLE_NO_SCHEME = "accounts.google.com";
    static final String GOOGLE = "https://accounts.google.com";

    private UnverifiedIssuer() {
    }

    /** The issuer, or the reason the token is not a JWT this module could verify. */
    record Peek(Optional<String> issuer, String problem) {
        static Peek found(String issuer) {
            return new Peek(Optional.of(issuer), "");
        }

        static Peek unparseable(String problem) {
            return new Peek(Optional.empty(), problem);
        }
    }

    /** Whether a token is over the size limit, without encoding huge strings just to find out. */
    static boolean tooLarge(String token, int maxBytes) {
        return token.length() > maxBytes
                || token.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes;
    }

    /** An untrusted issuer as it may appear in a log line: quoted and cut short. */
    static String forLog(String issuer) {
        int max = 256;
        return GoFormat.quote(issuer.length() <= max ? issuer : issuer.substring(0, max) + "...");
    }

    static Peek peek(String token) {
        if (token.strip().startsWith("{")) {
            return Peek.unparseable("token is not compact JWT");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Peek.unparseable("malformed token");
        }
        Base64Url.Decoded payload = Base64Url.decode(parts[1]);
        if (payload.error().isPresent()) {
            return Peek.unparseable("error decoding token: " + payload.error().get());
        }
        JsonNode claims;
        try {
            claims = Json.parseObject(payload.bytes());
        } catch (Json.JsonException e) {
            return Peek.unparseable("while unmarshaling token: " + e.getMessage());
        }
        JsonNode iss = claims.get("iss");
        if (iss != null && !iss.isNull() && !iss.isTextual()) {
            return Peek.unparseable("while unmarshaling token: json: cannot unmarshal " + GoFormat.jsonKind(iss)
                    + " into Go struct field .iss of type string");
        }
        String issuer = iss == null || iss.isNull() ? "" : iss.textValue();
        // Google's legacy tokens carry the issuer without a scheme; upstream treats them as the https issuer.
        return Peek.found(GOOGLE_NO_SCHEME.equals(issuer) ? GOOGLE : issuer);
    }
}
