package dev.gatehouse.aws.sts;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.protocol.Node;

/**
 * sts:DecodeAuthorizationMessage for the messages {@link AuthorizationMessages} sealed: authorised on "*", and a
 * message opens only for a caller of the account whose request it describes. Anything else (another service's
 * message, a tampered or truncated one) is InvalidAuthorizationMessageException.
 */
public final class DecodeAuthorizationMessageOperation {
  /** Gatehouse's text: STS's exact wording for this error is not documented. */
  static final String INVALID = "The encoded authorization message is invalid.";

  private final AuthorizationMessages messages;

  public DecodeAuthorizationMessageOperation(AuthorizationMessages messages) {
    this.messages = messages;
  }

  public OperationSpec spec() {
    return OperationSpec.sts("DecodeAuthorizationMessage", ctx -> Target.of("sts:DecodeAuthorizationMessage", "*"),
        this::decode);
  }

  private Node decode(OperationContext ctx) {
    Params p = ctx.params();
    String encoded = p.required("EncodedMessage");
    p.checkLength("EncodedMessage", encoded, 1, AuthorizationMessages.MAX_ENCODED);
    String decoded = messages.decode(encoded.strip(), ctx.account())
        .orElseThrow(() -> StsErrors.invalidAuthorizationMessage(INVALID));
    return Shape.struct().str("DecodedMessage", decoded).toNode();
  }
}
