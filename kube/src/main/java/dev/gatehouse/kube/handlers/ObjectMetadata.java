package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The metadata every write gets, as kube-apiserver's rest.BeforeCreate / BeforeUpdate do it. */
public final class ObjectMetadata {
  private static final char[] NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ObjectMetadata() {}

  public static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Sets uid, creationTimestamp, the namespace and a generated name; clears what clients may not set.
   * Rejects a namespace that contradicts the URL.
   */
  public static void prepareForCreate(ResourceContext ctx, ObjectNode object, Instant now) {
    ObjectNode metadata = object.withObject("/metadata");
    String namespace = metadata.path("namespace").asText("");
    if (ctx.type().namespaced()) {
      if (!namespace.isEmpty() && !namespace.equals(ctx.namespace())) {
        throw Errors.badRequest(
            "the namespace of the provided object does not match the namespace sent on the request");
      }
      metadata.put("namespace", ctx.namespace());
    } else {
      metadata.remove("namespace");
    }
    String name = metadata.path("name").asText("");
    String generateName = metadata.path("generateName").asText("");
    if (name.isEmpty() && !generateName.isEmpty()) {
      metadata.put("name", generateName + randomSuffix());
    }
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", timestamp(now));
    metadata.remove("resourceVersion");
    metadata.remove("deletionTimestamp");
    metadata.remove("deletionGracePeriodSeconds");
    metadata.remove("selfLink");
    if (isZero(metadata.get("generation"))) {
      metadata.remove("generation");
    }
  }

  /** Keeps what an update may not change: uid, creationTimestamp, deletion state, generation. */
  public static void prepareForUpdate(ResourceContext ctx, ObjectNode updated, ObjectNode old) {
    ObjectNode metadata = updated.withObject("/metadata");
    JsonNode oldMeta = old.path("metadata");
    for (String field : new String[] {"uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
        "generation", "namespace"}) {
      if (oldMeta.has(field)) {
        metadata.set(field, oldMeta.get(field));
      } else {
        metadata.remove(field);
      }
    }
    metadata.remove("selfLink");
  }

  private static boolean isZero(JsonNode node) {
    return node != null && node.isNumber() && node.asLong() == 0;
  }

  /** Five characters from upstream's alphabet (no vowels, no confusable digits), as names.SimpleNameGenerator. */
  static String randomSuffix() {
    char[] out = new char[5];
    for (int i = 0; i < out.length; i++) {
      out[i] = NAME_CHARS[RANDOM.nextInt(NAME_CHARS.length)];
    }
    return new String(out);
  }
}
