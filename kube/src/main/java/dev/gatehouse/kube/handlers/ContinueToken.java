package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code continue} token of a paged list: the revision the first page was read at and the last key
 * returned, base64url JSON as upstream's etcd3 storage encodes it. Pages after the first are read at the same
 * revision, so a paged list is one consistent snapshot.
 */
public record ContinueToken(long revision, String startAfter) {

  public String encode() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("v", "meta.k8s.io/v1");
    node.put("rv", revision);
    node.put("start", startAfter);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(node));
  }

  public static ContinueToken decode(String token) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(token.replace('+', '-').replace('/', '_').replace("=", ""));
      JsonNode node = Json.MAPPER.readTree(new String(raw, StandardCharsets.UTF_8));
      if (!"meta.k8s.io/v1".equals(node.path("v").asText()) || !node.path("rv").canConvertToLong()
          || !node.path("start").isTextual()) {
        throw invalid();
      }
      return new ContinueToken(node.path("rv").asLong(), node.path("start").asText());
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid();
    }
  }

  private static RuntimeException invalid() {
    return Errors.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
}
