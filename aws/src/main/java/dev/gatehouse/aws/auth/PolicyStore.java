package dev.gatehouse.aws.auth;

import dev.gatehouse.aws.model.ManagedPolicy;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.iam.policy.ParseResult;
import dev.gatehouse.iam.policy.Policies;
import dev.gatehouse.iam.policy.Policy;
import dev.gatehouse.iam.policy.PolicyKind;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managed policies by ARN (customer managed from the state, AWS managed from the {@link AwsManagedPolicies}
 * catalogue) and compiled documents by text. Documents were validated when written; compiling one again is
 * what the cache saves on every request.
 */
public final class PolicyStore {
  private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);
  private static final int MAX_CACHED = 20_000;

  private final AwsState state;
  private final AwsManagedPolicies awsManaged;
  private final ConcurrentHashMap<String, Optional<Policy>> compiled = new ConcurrentHashMap<>();

  public PolicyStore(AwsState state, AwsManagedPolicies awsManaged) {
    this.state = state;
    this.awsManaged = awsManaged;
  }

  public AwsManagedPolicies awsManaged() {
    return awsManaged;
  }

  /** The managed policy an ARN names, AWS managed or in its account. */
  public Optional<ManagedPolicy> managed(String arn) {
    if (arn.startsWith("arn:aws:iam::aws:policy/")) {
      return awsManaged.byArn(arn);
    }
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam") || !parts[5].startsWith("policy/")) {
      return Optional.empty();
    }
    String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
    return state.get(AwsKeys.policy(parts[4], name), ManagedPolicy.class).map(AwsState.Versioned::value)
        .filter(p -> p.arn().equals(arn));
  }

  /** The compiled document; empty (and logged) if a stored document no longer parses. */
  public Optional<Policy> compile(String document, PolicyKind kind) {
    String cacheKey = kind == PolicyKind.TRUST ? "T" + document : document;
    Optional<Policy> hit = compiled.get(cacheKey);
    if (hit != null) {
      return hit;
    }
    if (compiled.size() > MAX_CACHED) {
      compiled.clear();
    }
    ParseResult result = Policies.parse(document, kind);
    Optional<Policy> policy;
    if (result instanceof ParseResult.Parsed parsed) {
      policy = Optional.of(parsed.policy());
    } else {
      log.error("a stored policy document no longer parses ({}); it grants nothing",
          ((ParseResult.Malformed) result).message());
      policy = Optional.empty();
    }
    compiled.put(cacheKey, policy);
    return policy;
  }
}
