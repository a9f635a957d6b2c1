package dev.gatehouse.aws.sts;

import static dev.gatehouse.aws.api.OperationSpec.sts;

import dev.gatehouse.aws.api.AwsException;
import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.SessionClaims;
import dev.gatehouse.aws.model.AwsIds;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.protocol.Node;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** GetCallerIdentity, GetSessionToken, GetAccessKeyInfo. AssumeRole lives in {@link AssumeRoleOperation}. */
public final class StsOperations {
  private final SessionIssuer issuer;

  public StsOperations(SessionIssuer issuer) {
    this.issuer = issuer;
  }

  public List<OperationSpec> specs() {
    return List.of(
        // Always allowed, even under an explicit deny: AWS documents no permission for it.
        sts("GetCallerIdentity", null, this::getCallerIdentity),
        // AWS requires no permission for GetSessionToken either: it only re-issues the caller's own identity.
        sts("GetSessionToken", null, this::getSessionToken),
        sts("GetAccessKeyInfo", ctx -> Target.of("sts:GetAccessKeyInfo", "*"), this::getAccessKeyInfo));
  }

  private Node getCallerIdentity(OperationContext ctx) {
    Caller c = ctx.caller();
    return Shape.struct().str("UserId", c.userId()).str("Account", c.account()).str("Arn", c.arn()).toNode();
  }

  private Node getSessionToken(OperationContext ctx) {
    Caller c = ctx.caller();
    if (!(c instanceof Caller.UserCaller user)) {
      throw StsErrors.accessDenied("Cannot call GetSessionToken with session credentials");
    }
    int duration = ctx.params().integer("DurationSeconds", 43200, 900, 129600);
    SessionClaims claims = new SessionClaims(issuer.newAccessKeyId(c.account()), c.account(), SessionClaims.Kind.USER,
        user.user().name(), user.user().id(), user.user().name(), ctx.now(), ctx.now().plus(Duration.ofSeconds(duration)),
        false, false, null, null, null, null, null, null);
    return Shape.struct().child("Credentials", issuer.credentials(claims)).toNode();
  }

  private Node getAccessKeyInfo(OperationContext ctx) {
    String id = ctx.params().required("AccessKeyId");
    ctx.params().checkLength("AccessKeyId", id, 16, 128);
    OptionalLong account = AwsIds.accountOf(id);
    if (account.isEmpty()) {
      throw new AwsException(AwsError.validation("Invalid AccessKeyId " + id));
    }
    return Shape.struct().str("Account", String.format("%012d", account.getAsLong())).toNode();
  }

}
