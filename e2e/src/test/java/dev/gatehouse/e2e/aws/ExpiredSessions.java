package dev.gatehouse.e2e.aws;

import dev.gatehouse.aws.auth.SessionClaims;
import dev.gatehouse.aws.auth.SessionTokens;
import dev.gatehouse.aws.bootstrap.AccountBootstrap;
import dev.gatehouse.aws.model.AwsIds;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Temporary credentials whose session has already expired, for the {@code ExpiredToken} refusal.
 *
 * <p>Gatehouse reads the wall clock and has no override, and the shortest session AWS allows lasts 15 minutes,
 * so a real expired session cannot be obtained within a test. Instead the test creates the data directory's
 * session-token key before the first start (Gatehouse adopts an existing key, as a second replica would) and
 * seals a session that ended an hour ago with that key, exactly as Gatehouse seals the sessions it issues.
 */
final class ExpiredSessions {
  /** Temporary credentials as a client holds them. */
  record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {}

  private final SessionTokens tokens;

  private ExpiredSessions(byte[] key) {
    this.tokens = new SessionTokens(key);
  }

  /** Creates the sealing key in {@code dataDir}'s store; call before Gatehouse first starts on it. */
  static ExpiredSessions seed(Path dataDir) {
    try (SqliteStore store = SqliteStore.open(dataDir.resolve("store"));
        AwsState state = AwsState.open(store)) {
      return new ExpiredSessions(AccountBootstrap.sessionKey(state));
    }
  }

  /** A session of role {@code roleName} ({@code roleId} AROA…) that was issued two hours ago and ended one ago. */
  Credentials expiredRoleSession(String account, String roleName, String roleId, String sessionName) {
    Instant now = Instant.now();
    String keyId = AwsIds.temporaryKeyId(account);
    SessionClaims claims = new SessionClaims(keyId, account, SessionClaims.Kind.ROLE, roleName, roleId, sessionName,
        now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), false, false, null, List.of(), Map.of(),
        List.of(), null, null);
    return new Credentials(keyId, tokens.secretFor(keyId), tokens.seal(claims));
  }
}
