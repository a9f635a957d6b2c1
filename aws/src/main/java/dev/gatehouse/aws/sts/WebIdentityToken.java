package dev.gatehouse.aws.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A compact JWS (an OIDC ID token, a Kubernetes service-account token) split and decoded, not yet verified.
 *
 * @param signingInput the ASCII bytes {@code header.payload} the signature covers
 */
record WebIdentityToken(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The token, or empty when it is not three base64url parts of which the first two are JSON objects. */
  static Optional<WebIdentityToken> parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      JsonNode header = JSON.readTree(b64.decode(strip(parts[0])));
      JsonNode claims = JSON.readTree(b64.decode(strip(parts[1])));
      byte[] signature = b64.decode(strip(parts[2]));
      if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
        return Optional.empty();
      }
      byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      return Optional.of(new WebIdentityToken(header, claims, input, signature));
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }

  /** base64url without padding is the JWS form; a padded part is tolerated. */
  private static String strip(String part) {
    return part.endsWith("=") ? part.replaceAll("=+$", "") : part;
  }

  String algorithm() {
    return text(header, "alg").orElse("");
  }

  Optional<String> keyId() {
    return text(header, "kid");
  }

  Optional<String> issuer() {
    return text(claims, "iss");
  }

  Optional<String> subject() {
    return text(claims, "sub");
  }

  Optional<String> authorizedParty() {
    return text(claims, "azp");
  }

  /** {@code aud}: a string or an array of strings. */
  List<String> audiences() {
    return strings(claims.get("aud"));
  }

  /** {@code amr}: authentication methods (Cognito and some OIDC providers), a string or an array. */
  List<String> authenticationMethods() {
    return strings(claims.get("amr"));
  }

  OptionalLong expiry() {
    return seconds("exp");
  }

  OptionalLong notBefore() {
    return seconds("nbf");
  }

  OptionalLong issuedAt() {
    return seconds("iat");
  }

  /** A claim that is a JSON object, e.g. {@code https://aws.amazon.com/tags}. */
  Optional<JsonNode> object(String name) {
    JsonNode v = claims.get(name);
    return v != null && v.isObject() ? Optional.of(v) : Optional.empty();
  }

  Optional<String> text(String claim) {
    return text(claims, claim);
  }

  /** NumericDate: integer or fractional seconds; a fraction is dropped. */
  private OptionalLong seconds(String claim) {
    JsonNode v = claims.get(claim);
    return v != null && v.isNumber() ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  static List<String> strings(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isTextual()) {
      out.add(v.textValue());
    } else if (v.isArray()) {
      v.forEach(e -> {
        if (e.isTextual()) {
          out.add(e.textValue());
        }
      });
    }
    return out;
  }
}
