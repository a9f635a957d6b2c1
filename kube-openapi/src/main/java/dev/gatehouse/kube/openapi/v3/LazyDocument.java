package dev.gatehouse.kube.openapi.v3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * One v3 document, built and serialized on first use and then kept. Instances are shared between
 * {@link OpenApiV3} values, so adding a custom resource does not re-serialize the built-in documents.
 */
final class LazyDocument {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  private final Supplier<ObjectNode> builder;
  private volatile Serialized serialized;

  /** The compact JSON bytes and kube-openapi's ETag for them: uppercase hex SHA-512 ({@code handler3.computeETag}). */
  record Serialized(byte[] json, String hash) {}

  LazyDocument(Supplier<ObjectNode> builder) {
    this.builder = builder;
  }

  Serialized get() {
    Serialized result = serialized;
    if (result == null) {
      synchronized (this) {
        result = serialized;
        if (result == null) {
          result = serialize(builder.get());
          serialized = result;
        }
      }
    }
    return result;
  }

  private static Serialized serialize(ObjectNode document) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(document);
      return new Serialized(json, UPPER_HEX.formatHex(MessageDigest.getInstance("SHA-512").digest(json)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is a mandatory JCA algorithm", e);
    }
  }
}
