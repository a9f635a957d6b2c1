package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.api.AwsException;
import dev.gatehouse.aws.auth.PolicyStore;
import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.aws.state.Batch;
import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What IAM operations share: the state, the policy store and the clock, plus lookups with IAM's errors. */
public record IamServices(AwsState state, PolicyStore policies, Clock clock) {
  public User user(String account, String name) {
    return state.get(AwsKeys.user(account, name), User.class).map(AwsState.Versioned::value)
        .orElseThrow(() -> IamErrors.noSuchUser(name));
  }

  public Group group(String account, String name) {
    return state.get(AwsKeys.group(account, name), Group.class).map(AwsState.Versioned::value)
        .orElseThrow(() -> IamErrors.noSuchGroup(name));
  }

  public Role role(String account, String name) {
    return state.get(AwsKeys.role(account, name), Role.class).map(AwsState.Versioned::value)
        .orElseThrow(() -> IamErrors.noSuchRole(name));
  }

  public Batch batch() {
    return new Batch(state);
  }

  /**
   * Commits and waits until durable. A conflict (another request changed what this one read) surfaces as
   * {@link AwsState.ConflictException}; the pipeline re-runs the whole operation against the new state.
   */
  public void commit(Batch batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      state.commit(batch).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while committing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
      if (cause instanceof AwsState.ConflictException conflict) {
        throw conflict;
      }
      if (cause instanceof AwsException aws) {
        throw aws;
      }
      throw new IllegalStateException("the store refused the write", cause);
    }
  }
}
