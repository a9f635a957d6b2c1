package dev.gatehouse.aws.auth;

import dev.gatehouse.aws.model.AccessKey;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the secret and the caller behind an access key id: long-term keys ({@code AKIA…}) from the store,
 * temporary ones ({@code ASIA…}) from their sealed session token. Refusals carry the generic error the
 * caller gets and a precise reason for the server and audit logs only.
 */
public final class CredentialResolver {
  /** The outcome of a lookup. */
  public sealed interface Resolution {}

  public record Resolved(Caller caller, String secret) implements Resolution {}

  public record Refused(AwsError error, String reason) implements Resolution {}

  private final AwsState state;
  private final Supplier<SessionTokens> tokens;

  public CredentialResolver(AwsState state, Supplier<SessionTokens> tokens) {
    this.state = state;
    this.tokens = tokens;
  }

  public Resolution resolve(String accessKeyId, Optional<String> securityToken, Instant now) {
    if (accessKeyId.startsWith("AKIA")) {
      return longTerm(accessKeyId, securityToken);
    }
    if (accessKeyId.startsWith("ASIA")) {
      return temporary(accessKeyId, securityToken, now);
    }
    return invalid("access key id " + accessKeyId + " has no known prefix");
  }

  private Resolution longTerm(String accessKeyId, Optional<String> securityToken) {
    Optional<AccessKey> key = state.get(AwsKeys.accessKey(accessKeyId), AccessKey.class).map(AwsState.Versioned::value);
    if (key.isEmpty()) {
      return invalid("access key " + accessKeyId + " does not exist");
    }
    if (!key.get().active()) {
      return invalid("access key " + accessKeyId + " is Inactive");
    }
    if (securityToken.isPresent()) {
      return invalid("a security token was sent with long-term access key " + accessKeyId);
    }
    Optional<User> user = state.get(AwsKeys.user(key.get().account(), key.get().userName()), User.class)
        .map(AwsState.Versioned::value);
    if (user.isEmpty()) {
      return invalid("the user of access key " + accessKeyId + " no longer exists");
    }
    return new Resolved(new Caller.UserCaller(user.get(), accessKeyId), key.get().secret());
  }

  private Resolution temporary(String accessKeyId, Optional<String> securityToken, Instant now) {
    if (securityToken.isEmpty()) {
      return invalid("temporary access key " + accessKeyId + " was sent without its security token");
    }
    SessionTokens sealer = tokens.get();
    Optional<SessionClaims> opened = sealer.open(securityToken.get());
    if (opened.isEmpty()) {
      return invalid("the security token sent with " + accessKeyId + " was not issued by this Gatehouse or was altered");
    }
    SessionClaims claims = opened.get();
    if (!claims.accessKeyId().equals(accessKeyId)) {
      return invalid("the security token belongs to " + claims.accessKeyId() + ", not " + accessKeyId);
    }
    if (!now.isBefore(claims.expires())) {
      return new Refused(AwsError.expiredToken(), "the session of " + accessKeyId + " expired at " + claims.expires());
    }
    String secret = sealer.secretFor(accessKeyId);
    switch (claims.kind()) {
      case ROLE: {
        Optional<Role> role = state.get(AwsKeys.role(claims.account(), claims.principalName()), Role.class)
            .map(AwsState.Versioned::value).filter(r -> r.id().equals(claims.principalId()));
        if (role.isEmpty()) {
          return invalid("the role of session " + accessKeyId + " (" + claims.principalName() + ") no longer exists");
        }
        return new Resolved(new Caller.RoleSessionCaller(role.get(), claims), secret);
      }
      case USER: {
        Optional<User> user = state.get(AwsKeys.user(claims.account(), claims.principalName()), User.class)
            .map(AwsState.Versioned::value).filter(u -> u.id().equals(claims.principalId()));
        if (user.isEmpty()) {
          return invalid("the user of session " + accessKeyId + " (" + claims.principalName() + ") no longer exists");
        }
        return new Resolved(new Caller.UserSessionCaller(user.get(), claims), secret);
      }
      default:
        throw new IllegalStateException("unknown session kind " + claims.kind());
    }
  }

  private static Refused invalid(String reason) {
    return new Refused(AwsError.invalidClientTokenId(), reason);
  }
}
