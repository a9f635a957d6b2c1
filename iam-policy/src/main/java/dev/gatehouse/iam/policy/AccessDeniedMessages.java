package dev.gatehouse.iam.policy;

import java.util.EnumMap;
import java.util.Map;

/**
 * AWS's AccessDenied message for a denied request: {@code User: ARN is not authorized to perform: ACTION on
 * resource: RESOURCE because no identity-based policy allows the ACTION action} and its variants. The reason
 * clauses are a table keyed by {@link DenyCause}; {@code {action}} stands for the action name.
 */
public final class AccessDeniedMessages {
  private static final String[][] REASONS = {
      {"EXPLICIT_IDENTITY", "with an explicit deny in an identity-based policy"},
      {"EXPLICIT_RESOURCE", "with an explicit deny in a resource-based policy"},
      {"EXPLICIT_BOUNDARY", "with an explicit deny in a permissions boundary"},
      {"EXPLICIT_SESSION", "with an explicit deny in a session policy"},
      {"NO_IDENTITY_ALLOW", "because no identity-based policy allows the {action} action"},
      {"NO_RESOURCE_ALLOW", "because no resource-based policy allows the {action} action"},
      {"NO_BOUNDARY_ALLOW", "because no permissions boundary allows the {action} action"},
      {"NO_SESSION_ALLOW", "because no session policy allows the {action} action"},
  };

  private static final Map<DenyCause, String> BY_CAUSE = new EnumMap<>(DenyCause.class);

  static {
    for (String[] row : REASONS) {
      BY_CAUSE.put(DenyCause.valueOf(row[0]), row[1]);
    }
  }

  private AccessDeniedMessages() {}

  /**
   * @param principalArn the caller's ARN as AWS prints it (for a role session, the assumed-role ARN)
   * @param resource the resource ARN; null omits the "on resource:" part
   */
  public static String format(String principalArn, String action, String resource, EvaluationResult result) {
    StringBuilder b = new StringBuilder(160)
        .append("User: ").append(principalArn)
        .append(" is not authorized to perform: ").append(action);
    if (resource != null) {
      b.append(" on resource: ").append(resource);
    }
    String reason = BY_CAUSE.get(result.cause());
    if (reason != null) {
      b.append(' ').append(reason.replace("{action}", action));
    }
    return b.toString();
  }

  /**
   * The older form some services (EKS among them) still answer: no reason for an implicit deny, and only
   * {@code with an explicit deny} for an explicit one, e.g. {@code User: ARN is not authorized to perform:
   * eks:DescribeCluster on resource: CLUSTER-ARN}.
   */
  public static String formatWithoutReason(String principalArn, String action, String resource,
      EvaluationResult result) {
    String message = "User: " + principalArn + " is not authorized to perform: " + action
        + (resource == null ? "" : " on resource: " + resource);
    return result.cause() != null && result.cause().name().startsWith("EXPLICIT_") ? message + " with an explicit deny"
        : message;
  }
}
