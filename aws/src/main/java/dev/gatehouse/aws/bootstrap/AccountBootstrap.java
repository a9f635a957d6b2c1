package dev.gatehouse.aws.bootstrap;

import dev.gatehouse.aws.auth.SessionTokens;
import dev.gatehouse.aws.model.AccessKey;
import dev.gatehouse.aws.model.Account;
import dev.gatehouse.aws.model.AwsIds;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.aws.state.Batch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * First-start provisioning of the AWS side, in one transaction per step so a crash leaves either nothing or a
 * whole step: the session-token sealing key; the account; its bootstrap administrator (IAM user
 * {@value #ADMIN_USER} with AdministratorAccess and one access key). Later starts find them and change nothing.
 */
public final class AccountBootstrap {
  public static final String ADMIN_USER = "gatehouse-admin";
  public static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

  /** The administrator's key as the credential files need it. */
  public record AdminKey(String account, String userName, String accessKeyId, String secret) {}

  private AccountBootstrap() {}

  public static byte[] sessionKey(AwsState state) {
    Optional<byte[]> existing = state.bytes(AwsKeys.SESSION_KEY);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] key = SessionTokens.newKey();
    if (commit(state, new Batch(state).put(AwsKeys.SESSION_KEY, key))) {
      return key;
    }
    return state.bytes(AwsKeys.SESSION_KEY).orElseThrow(); // another replica created it first
  }

  /** Creates the account and its administrator if the account does not exist yet; returns the admin key. */
  public static Optional<AdminKey> ensureAccount(AwsState state, String accountId, Instant now) {
    if (state.get(AwsKeys.account(accountId), Account.class).isEmpty()) {
      User admin = new User(accountId, ADMIN_USER, "/", AwsIds.userId(), now, List.of(), Map.of(),
          List.of(ADMINISTRATOR_ACCESS), List.of(), null);
      AccessKey key = new AccessKey(AwsIds.longTermKeyId(accountId), AwsIds.secretKey(), accountId, ADMIN_USER,
          "Active", now, null, null, null);
      commit(state, new Batch(state)
          .put(AwsKeys.account(accountId), new Account(accountId, null, now))
          .put(AwsKeys.user(accountId, ADMIN_USER), admin)
          .put(AwsKeys.accessKey(key.accessKeyId()), key));
    }
    return state.values(AwsKeys.ROOT + "access-keys/", AccessKey.class).stream()
        .filter(k -> k.account().equals(accountId) && k.userName().equals(ADMIN_USER) && k.active())
        .min((a, b) -> a.created().compareTo(b.created()))
        .map(k -> new AdminKey(accountId, ADMIN_USER, k.accessKeyId(), k.secret()));
  }

  private static boolean commit(AwsState state, Batch batch) {
    try {
      state.commit(batch).get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AwsState.ConflictException) {
        return false;
      }
      throw new IllegalStateException("cannot write the AWS bootstrap state", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
