package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The two documents of upstream's {@code pkg/serviceaccount/openidmetadata.go}, with its field order and its URL
 * checks (upstream logs these and leaves the endpoints out; here they throw).
 */
final class OidcDocuments {
    /** Where kube-apiserver serves the key set. */
    static final String JWKS_PATH = "/openid/v1/jwks";

    private OidcDocuments() {
    }

    /** {@code {"keys":[{"use":"sig","kty":"RSA","kid":...,"alg":"RS256","n":...,"e":...}]}}, go-jose's field order. */
    static String jwks(List<VerificationKey> keys) {
        StringBuilder out = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.size(); i++) {
            VerificationKey key = keys.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"use\":\"sig\",\"kty\":\"RSA\",\"kid\":");
            GoJson.string(out, key.keyId());
            out.append(",\"alg\":\"RS256\",\"n\":\"").append(unsignedBase64Url(key.publicKey().getModulus()))
                    .append("\",\"e\":\"").append(unsignedBase64Url(key.publicKey().getPublicExponent())).append("\"}");
        }
        return out.append("]}").toString();
    }

    /** The discovery document: a Go struct, so its fields keep declaration order rather than being sorted. */
    static String openIdConfiguration(String issuer, String jwksUri) {
        requireHttpsIssuer(issuer);
        requireHttpsJwksUri(jwksUri);
        StringBuilder out = new StringBuilder("{\"issuer\":");
        GoJson.string(out, issuer);
        out.append(",\"jwks_uri\":");
        GoJson.string(out, jwksUri);
        // Every key is RSA, so the sorted, de-duplicated algorithm list is always just RS256.
        out.append(",\"response_types_supported\":[\"id_token\"],\"subject_types_supported\":[\"public\"],")
                .append("\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        return out.toString();
    }

    /** {@code https://<externalAddress>/openid/v1/jwks}, upstream's default when no JWKS URI is configured. */
    static String defaultJwksUri(String externalAddress) {
        String message = "attempted to build jwks_uri from external address " + externalAddress
                + ", but could not construct a valid URL. Error: ";
        if (externalAddress == null || externalAddress.isEmpty()) {
            throw new IllegalArgumentException(message + "empty address");
        }
        String uri = "https://" + externalAddress + JWKS_PATH;
        try {
            URI parsed = new URI(uri);
            if (!("https".equals(parsed.getScheme()) && externalAddress.equals(parsed.getRawAuthority())
                    && JWKS_PATH.equals(parsed.getRawPath()))) {
                throw new IllegalArgumentException(message + "got " + parsed + ", expected " + uri);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(message + e.getMessage(), e);
        }
        return uri;
    }

    private static void requireHttpsIssuer(String issuer) {
        if (issuer == null || issuer.isEmpty()) {
            throw new IllegalArgumentException("empty issuer URL");
        }
        GoUrl url = GoUrl.parse(issuer);
        if (!url.scheme().equals("https")) {
            throw new IllegalArgumentException("issuer URL must use https scheme, got: " + issuer);
        }
        if (!url.query().isEmpty()) {
            throw new IllegalArgumentException("issuer URL may not include a query, got: " + issuer);
        }
        if (!url.fragment().isEmpty()) {
            throw new IllegalArgumentException("issuer URL may not include a fragment, got: " + issuer);
        }
    }

    private static void requireHttpsJwksUri(String jwksUri) {
        if (jwksUri == null || jwksUri.isEmpty()) {
            throw new IllegalArgumentException("either the JWKS URI or the default external address, or both, must be set");
        }
        if (!GoUrl.parse(jwksUri).scheme().equals("https")) {
            throw new IllegalArgumentException("jwksURI requires https scheme, parsed as: " + jwksUri);
        }
    }

    /**
     * The parts of Go's lenient {@code url.Parse} these checks look at: the fragment is cut at the first {@code #},
     * the scheme is a leading {@code [A-Za-z][A-Za-z0-9+.-]*:}, and the query follows the first {@code ?}.
     */
    private record GoUrl(String scheme, String query, String fragment) {
        static GoUrl parse(String url) {
            int hash = url.indexOf('#');
            String fragment = hash >= 0 ? url.substring(hash + 1) : "";
            String rest = hash >= 0 ? url.substring(0, hash) : url;
            String scheme = "";
            int colon = rest.indexOf(':');
            if (colon > 0 && rest.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                scheme = rest.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
                rest = rest.substring(colon + 1);
            }
            int question = rest.indexOf('?');
            String query = question >= 0 ? rest.substring(question + 1) : "";
            return new GoUrl(scheme, query, fragment);
        }
    }

    /** Big-endian bytes without a sign byte or leading zeros, base64url without padding (RFC 7518 §6.3.1). */
    static String unsignedBase64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = 0;
        while (skip < bytes.length - 1 && bytes[skip] == 0) {
            skip++;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(bytes, skip, bytes.length));
    }
}
