package dev.gatehouse.aws.sigv4;

import java.util.Objects;
import java.util.Optional;

/** An access key pair, with the session token of temporary credentials. {@link #toString()} hides the secrets. */
public record SigningCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
  public SigningCredentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(sessionToken, "sessionToken");
  }

  public static SigningCredentials of(String accessKeyId, String secretAccessKey) {
    return new SigningCredentials(accessKeyId, secretAccessKey, Optional.empty());
  }

  public static SigningCredentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
    return new SigningCredentials(accessKeyId, secretAccessKey, Optional.of(sessionToken));
  }

  @Override
  public String toString() {
    return "SigningCredentials[" + accessKeyId + (sessionToken.isPresent() ? ", with session token" : "") + "]";
  }
}
