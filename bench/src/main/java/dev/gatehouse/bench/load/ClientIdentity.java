package dev.gatehouse.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the load generator proves who it is: the bootstrap administrator's client certificate (the default), or
 * a bearer token such as the {@code k8s-aws-v1.} token of {@code aws eks get-token}. Either way the server is
 * trusted through {@code DATA_DIR/pki/ca.crt}.
 */
sealed interface ClientIdentity {
  /** Short name for tables and result files. */
  String label();

  /** mTLS with {@code DATA_DIR/pki/admin.crt} + {@code admin.key}. */
  record AdminCertificate() implements ClientIdentity {
    @Override
    public String label() {
      return "x509";
    }
  }

  /** No client certificate; every request carries {@code Authorization: Bearer <token>}. */
  record BearerToken(String token, Path source) implements ClientIdentity {
    @Override
    public String label() {
      return "token";
    }

    @Override
    public String toString() {
      // Never print the credential itself.
      return "BearerToken[from " + source + ", " + token.length() + " chars]";
    }
  }

  /**
   * Reads a token file: either the bare token, or the ExecCredential JSON that {@code aws eks get-token
   * --output json} prints (its {@code status.token}), so the CLI's output can be used unchanged.
   */
  static BearerToken bearerTokenFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bearer token file " + file, e);
    }
    String token = text;
    if (text.startsWith("{")) {
      JsonNode status = Manifests.tree(text.getBytes(StandardCharsets.UTF_8)).path("status");
      token = status.path("token").asText("");
    }
    if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("bearer token file " + file
          + " holds neither a token nor an ExecCredential with status.token");
    }
    return new BearerToken(token, file);
  }
}
