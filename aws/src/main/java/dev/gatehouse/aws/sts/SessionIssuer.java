package dev.gatehouse.aws.sts;

import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.auth.SessionClaims;
import dev.gatehouse.aws.auth.SessionTokens;
import dev.gatehouse.aws.model.AwsIds;
import java.util.function.Supplier;

/** Mints temporary credentials: an ASIA key id, its derived secret and the sealed session token. */
public final class SessionIssuer {
  private final Supplier<SessionTokens> tokens;

  public SessionIssuer(Supplier<SessionTokens> tokens) {
    this.tokens = tokens;
  }

  public String newAccessKeyId(String account) {
    return AwsIds.temporaryKeyId(account);
  }

  /** The {@code Credentials} structure of AssumeRole*, GetSessionToken. */
  public Shape credentials(SessionClaims claims) {
    SessionTokens sealer = tokens.get();
    return Shape.struct().str("AccessKeyId", claims.accessKeyId())
        .str("SecretAccessKey", sealer.secretFor(claims.accessKeyId()))
        .str("SessionToken", sealer.seal(claims))
        .time("Expiration", claims.expires());
  }
}
