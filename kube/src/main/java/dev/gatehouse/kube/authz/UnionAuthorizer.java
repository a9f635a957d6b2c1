package dev.gatehouse.kube.authz;

import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.request.RequestInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The first ALLOW or DENY decides; NO_OPINION moves on. When nobody decides the answer is NO_OPINION with the
 * collected reasons, as upstream's union; callers treat anything but ALLOW as not allowed (fail closed).
 */
public final class UnionAuthorizer implements Authorizer {
  private final List<Authorizer> chain;

  public UnionAuthorizer(List<Authorizer> chain) {
    this.chain = List.copyOf(chain);
  }

  @Override
  public Decision authorize(UserInfo user, RequestInfo request) {
    List<String> reasons = new ArrayList<>();
    for (Authorizer authorizer : chain) {
      Decision decision = authorizer.authorize(user, request);
      switch (decision.kind()) {
        case ALLOW, DENY -> {
          return decision;
        }
        case NO_OPINION -> {
          if (decision.reason() != null && !decision.reason().isEmpty()) {
            reasons.add(decision.reason());
          }
        }
      }
    }
    return new Decision(Decision.Kind.NO_OPINION, String.join("\n", reasons));
  }
}
